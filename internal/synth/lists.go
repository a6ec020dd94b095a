package synth

// This file holds the fixed vocabularies the generator draws from. They are
// read-only tables, not configuration: every name is fictional.

// Sector indices and their spellings in actors.csv.
const (
	secGov = iota
	secBiz
	secNGO
	secUni
	numSectors
)

// sectorNames are the four sector words of DESIGN.md, by sector index.
var sectorNames = [numSectors]string{"government", "business", "nonprofit", "academia"}

// idPrefix starts every actor ID, by sector index (gov-001, biz-017, ...).
var idPrefix = [numSectors]string{"gov", "biz", "ngo", "uni"}

// sectorShare is the share of people in each sector; each new
// organisation takes the sector furthest below its share so far, so small
// networks are balanced too. orgSizeFactor scales the mean organisation
// size per sector (councils and universities are large, charities small);
// weighted by the resulting organisation counts it averages about 1, so
// MeanOrgSize stays the overall mean.
var (
	sectorShare   = [numSectors]float64{0.22, 0.30, 0.30, 0.18}
	orgSizeFactor = [numSectors]float64{1.6, 0.9, 0.7, 1.5}
)

// capacityMedian (thousands per year) and capacitySigma parameterise the
// log-normal capacity of a person's budget per sector.
var (
	capacityMedian = [numSectors]float64{600, 350, 45, 220}
	capacitySigma  = [numSectors]float64{1.3, 1.8, 1.3, 1.1}
)

// A region is an area with its own towns; organisations are named after them.
type region struct {
	name   string
	weight float64 // relative population
	towns  [8]string
}

// regions lists the regions in order; Config.Regions uses the first ones.
var regions = [...]region{
	{"North Coast", 1.6, [8]string{"Northfield", "Saltmarsh", "Gullhaven", "Cragmouth", "Elderby", "Whitcliff", "Fennick Bay", "Dunmore"}},
	{"Eastmoor", 1.3, [8]string{"Eastmoor", "Ashby Cross", "Harrowgate", "Wrenfield", "Bramwick", "Thornley", "Kettleby", "Moorcombe"}},
	{"Central Vale", 1.1, [8]string{"Millbridge", "Oakhurst", "Stonebury", "Larkhill", "Hayward", "Copperton", "Fairhaven", "Redwell"}},
	{"Westbrook", 1.0, [8]string{"Westbrook", "Pinecrest", "Alderford", "Kingsmere", "Rowanbury", "Glenholm", "Marlow Heath", "Brackenridge"}},
	{"Southdown", 0.8, [8]string{"Southdown", "Chalkford", "Meadowvale", "Harbourne", "Sandleigh", "Bellhaven", "Crossfield", "Wyndham"}},
	{"Highlands", 0.6, [8]string{"Highcross", "Ravenscar", "Stormholt", "Glenfarrow", "Kilbrennan", "Ardmore", "Lochbrae", "Tarnside"}},
}

// MaxRegions is the largest allowed Config.Regions.
const MaxRegions = len(regions)

// A goalTag is a goal (and event topic) with the sectors where it is common:
// letters g, b, n, a for government, business, nonprofit, academia.
type goalTag struct {
	tag  string
	home string
}

// goalTags is in order of overall popularity (Zipf rank). The last
// numReservedGoals tags are never drawn at random: only the scenarios use
// them, so they are rare by construction.
var goalTags = [...]goalTag{
	{"youth employment", "n"},
	{"digital skills", "bn"},
	{"affordable housing", "gn"},
	{"climate adaptation", "ga"},
	{"public health", "ga"},
	{"food security", "n"},
	{"mental health", "na"},
	{"early childhood", "ng"},
	{"clean energy", "ba"},
	{"education access", "an"},
	{"small business growth", "bg"},
	{"social inclusion", "n"},
	{"sustainable transport", "gb"},
	{"community safety", "g"},
	{"aged care", "n"},
	{"open data", "ga"},
	{"circular economy", "b"},
	{"refugee integration", "n"},
	{"homelessness", "ng"},
	{"financial literacy", "b"},
	{"adult learning", "a"},
	{"urban regeneration", "g"},
	{"biodiversity", "a"},
	{"water quality", "g"},
	{"arts and culture", "n"},
	{"sport and wellbeing", "n"},
	{"rural broadband", "b"},
	{"stem education", "a"},
	{"disability inclusion", "n"},
	{"gender equality", "n"},
	{"domestic violence prevention", "n"},
	{"air quality", "ga"},
	{"local food systems", "n"},
	{"tourism recovery", "b"},
	{"innovation ecosystems", "ab"},
	{"volunteering", "n"},
	{"civic participation", "g"},
	{"waste reduction", "gb"},
	{"green jobs", "b"},
	{"flood resilience", "g"},
	{"social enterprise", "nb"},
	{"health research", "a"},
	{"ai ethics", "a"},
	{"cybersecurity", "b"},
	{"heritage conservation", "g"},
	{"youth justice", "g"},
	{"carer support", "n"},
	{"loneliness", "n"},
	// reserved for scenarios
	{"dementia care", ""},
	{"ocean literacy", ""},
}

const (
	numGoals         = len(goalTags)
	numReservedGoals = 2
	numRandomGoals   = numGoals - numReservedGoals
)

// goalTitle overrides the title-cased form of a tag in event names.
func goalTitle(tag string) string {
	switch tag {
	case "ai ethics":
		return "AI Ethics"
	case "stem education":
		return "STEM Education"
	}
	b := []byte(tag)
	start := true
	for i := 0; i < len(b); i++ {
		if b[i] == ' ' {
			start = true
			continue
		}
		if start && !(i+3 <= len(b) && string(b[i:i+3]) == "and" && (i+3 == len(b) || b[i+3] == ' ')) {
			if b[i] >= 'a' && b[i] <= 'z' {
				b[i] -= 'a' - 'A'
			}
		}
		start = false
	}
	return string(b)
}

// capabilities with their relative frequency per sector
// (government, business, nonprofit, academia).
var capabilities = [...]struct {
	name string
	w    [numSectors]float64
}{
	{"funding", [numSectors]float64{3, 3, 0.5, 0.5}},
	{"research", [numSectors]float64{0.3, 0.5, 0.4, 4}},
	{"policy access", [numSectors]float64{4, 0.4, 0.6, 0.8}},
	{"volunteers", [numSectors]float64{0.2, 0.3, 3.5, 0.5}},
	{"data", [numSectors]float64{1.2, 1.2, 0.4, 2.5}},
	{"evaluation", [numSectors]float64{0.6, 0.3, 0.8, 2.5}},
	{"community reach", [numSectors]float64{0.8, 0.3, 4, 0.4}},
	{"technology", [numSectors]float64{0.5, 3.5, 0.3, 1.0}},
	{"legal", [numSectors]float64{1.2, 1.0, 0.4, 0.3}},
	{"media", [numSectors]float64{0.6, 1.0, 1.0, 0.5}},
	{"venues", [numSectors]float64{0.8, 0.6, 0.8, 1.0}},
	{"training", [numSectors]float64{0.6, 0.8, 1.2, 1.5}},
	{"procurement", [numSectors]float64{1.5, 0.8, 0.1, 0.2}},
	{"convening", [numSectors]float64{1.5, 0.4, 1.5, 0.8}},
}

const numCaps = len(capabilities)

var firstNames = [...]string{
	"Aisha", "Alex", "Amara", "Andrew", "Anika", "Ben", "Beatriz", "Carlos", "Chloe", "Chen",
	"Daniel", "Deepa", "Diego", "Eilidh", "Elena", "Emeka", "Emma", "Farah", "Fatima", "Finn",
	"Gabriel", "Grace", "Hannah", "Hamid", "Hugo", "Ibrahim", "Imogen", "Isla", "Jack", "Jamal",
	"James", "Jasmine", "Joao", "Jonas", "Julia", "Kai", "Kate", "Kenji", "Laila", "Leo",
	"Liam", "Lina", "Lucy", "Luis", "Maya", "Mateo", "Mei", "Mohammed", "Nadia", "Naomi",
	"Nathan", "Nia", "Noah", "Olivia", "Omar", "Oscar", "Priya", "Rafael", "Rania", "Rhys",
	"Rosa", "Ruth", "Sam", "Sara", "Sean", "Sofia", "Sunil", "Tariq", "Tess", "Theo",
	"Uma", "Valentina", "Victor", "Wei", "Yara", "Yusuf", "Zainab", "Zoe", "Aroha", "Bjorn",
	"Caoimhe", "Dmitri", "Esther", "Freya", "Gareth", "Helen", "Ivan", "Jun", "Kofi", "Lars",
	"Marta", "Nikhil", "Oliver", "Paula", "Quinn", "Rohan", "Siobhan", "Tom", "Ursula", "Vera",
	"Wiremu", "Xavier", "Yasmin", "Zane", "Amelia", "Charlotte", "Harriet", "Ingrid", "Kwame", "Leila",
	"Magnus", "Nora", "Patrick", "Samir", "Thandi", "Aditi", "Bilal", "Clara", "Dylan", "Ewa",
}

var lastNames = [...]string{
	"Abbott", "Adeyemi", "Ahmed", "Allen", "Anderson", "Baker", "Banerjee", "Barker", "Bennett", "Brooks",
	"Campbell", "Carter", "Chen", "Clarke", "Cohen", "Collins", "Costa", "Das", "Davies", "Dlamini",
	"Doyle", "Edwards", "Evans", "Fernandes", "Fischer", "Fletcher", "Foster", "Garcia", "Gill", "Gonzalez",
	"Gray", "Green", "Hall", "Hansen", "Harris", "Hassan", "Hughes", "Hunt", "Ibrahim", "Iyer",
	"Jackson", "James", "Jensen", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "Kim", "King",
	"Kowalski", "Kumar", "Larsen", "Lee", "Lewis", "Li", "Lopez", "MacDonald", "Mahmood", "Martin",
	"Mehta", "Miller", "Mitchell", "Moore", "Morales", "Morgan", "Murphy", "Nakamura", "Ng", "Nguyen",
	"Novak", "O'Brien", "Okafor", "Oliveira", "Owen", "Park", "Patel", "Perez", "Phillips", "Quinn",
	"Rahman", "Reid", "Reyes", "Roberts", "Robinson", "Rossi", "Russell", "Santos", "Schmidt", "Scott",
	"Shah", "Silva", "Singh", "Smith", "Sorensen", "Stewart", "Sullivan", "Tanaka", "Taylor", "Thomas",
	"Thompson", "Tran", "Turner", "Walker", "Wang", "Ward", "Watson", "White", "Williams", "Wilson",
	"Wong", "Wright", "Yamamoto", "Young", "Zhang", "Zielinski", "Mensah", "Haddad", "Byrne", "Fraser",
}

// An orgPattern builds an organisation name from one word: a town
// (placeTown), the region name (placeRegion) or a word from a list.
type orgPattern struct {
	format string // one %s
	from   int    // placeTown, placeRegion, placeWord
}

const (
	placeTown = iota
	placeRegion
	placeWord
)

var orgPatterns = [numSectors][]orgPattern{
	secGov: {
		{"%s City Council", placeTown}, {"%s District Council", placeTown}, {"%s Borough Council", placeTown},
		{"%s Regional Authority", placeRegion}, {"%s Health Authority", placeRegion},
		{"%s Economic Development Agency", placeRegion}, {"%s Housing Office", placeTown},
		{"%s Environment Agency", placeRegion}, {"%s Transport Authority", placeRegion},
		{"%s Education Board", placeRegion}, {"%s Library Service", placeTown}, {"%s Public Health Unit", placeTown},
	},
	secBiz: {
		{"%s Ltd", placeWord}, {"%s Group", placeWord}, {"%s plc", placeWord}, {"%s & Co", placeWord}, {"%s", placeWord},
	},
	secNGO: {
		{"%s Foundation", placeWord}, {"%s Food Bank", placeTown}, {"%s Youth Trust", placeTown},
		{"%s Community Trust", placeWord}, {"%s Citizens Advice", placeTown}, {"%s Tenants' Association", placeTown},
		{"%s Housing Association", placeWord}, {"%s Arts Collective", placeTown}, {"%s Families Network", placeWord},
		{"%s Volunteer Centre", placeTown}, {"%s Climate Action", placeTown}, {"%s Women's Centre", placeTown},
		{"%s Carers Network", placeTown}, {"%s Trust", placeWord},
	},
	secUni: {
		{"University of %s", placeTown}, {"%s College", placeTown}, {"%s Institute of Technology", placeRegion},
		{"%s University", placeTown}, {"%s Centre for Social Research", placeTown}, {"%s Medical School", placeRegion},
		{"%s Polytechnic", placeTown}, {"%s School of Public Policy", placeTown},
	},
}

var ngoWords = [...]string{
	"Brightpath", "Hopewell", "Kindred", "Openhand", "Safeharbour", "Bridgeway", "Greenleaf", "Lantern",
	"Commonground", "Fairshare", "Firststep", "Uplift", "Homeward", "Wellspring", "Goodwill", "Starling",
	"Heartwood", "Threshold", "Compass", "Keystone",
}

var bizWords = [...]string{
	"Kestrel", "Bluewater", "Ironbark", "Summit", "Lumen", "Northstar", "Fernhill", "Granite", "Silverline", "Orchard",
	"Harbour", "Beacon", "Cobalt", "Juniper", "Meridian", "Tidewater", "Vantage", "Willow", "Zephyr", "Amber",
	"Crescent", "Evergreen", "Foxglove", "Heron", "Larch", "Oakridge", "Pioneer", "Redfern", "Sable", "Thistle",
}

var bizNouns = [...]string{
	"Analytics", "Energy", "Logistics", "Foods", "Digital", "Construction", "Consulting", "Health", "Financial", "Software",
	"Engineering", "Media", "Retail", "Manufacturing", "Solar", "Water", "Telecom", "Labs", "Design", "Capital",
}

// Event formats: small gatherings and large ones.
var (
	smallFormats = [...]string{"Roundtable", "Workshop", "Breakfast", "Network Meeting", "Lab", "Forum", "Meetup", "Briefing", "Webinar"}
	largeFormats = [...]string{"Summit", "Conference", "Festival", "Expo", "Congress"}
)

// contact kinds, with their probabilities.
var (
	contactKinds = [...]string{"meeting", "email", "project", "call"}
	kindProb     = [...]float64{0.45, 0.30, 0.15, 0.10}
	weightProb   = [...]float64{0.38, 0.26, 0.16, 0.11, 0.09} // weights 1..5
)

// scenario roles written in the optional scenario column of actors.csv.
const (
	roleNone = iota
	roleHub
	roleDependent
	roleNewcomer
	roleIntroducer
	roleCompetitor
	roleCommonContact
	roleRareGoal
)

var roleNames = [...]string{"", "hub", "dependent", "newcomer", "introducer", "competitor", "common contact", "rare goal"}
