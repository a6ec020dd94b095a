package main

// Example runs the program and pins its output, so that it cannot silently break.
func Example() {
	main()
	// Output:
	// Gareth Fischer (Brightpath Youth Trust, nonprofit), goals: youth employment, digital skills
	//
	// Who to approach:
	// 1. Jack Allen (uni-008) score 0.582: goal 1.00, proximity 0.76, trust 0.00, complementarity 0.62, reach 0.50
	//    shares 'innovation ecosystems', 'digital skills' and 'youth employment'; you were both at Westbrook Youth Employment Breakfast 2023; brings evaluation and research you lack; knows 5 people you don't
	// 2. Sara Park (biz-008) score 0.578: goal 0.56, proximity 0.07, trust 0.67, complementarity 0.70, reach 0.29
	//    shares 'digital skills' and 'youth employment'; Leo Cohen knows both of you; brings legal, technology and volunteers you lack; knows 2 people you don't; 9.3x your capacity
	// 3. Bjorn Khan (ngo-043) score 0.536: goal 0.71, proximity 0.07, trust 0.67, complementarity 0.00, reach 0.38
	//    shares 'digital skills' and 'youth employment'; Leo Cohen knows both of you; knows 3 people you don't; possible competitor (same sector and goals, little complementarity)
	//
	// Events to attend:
	// - Westbrook Youth Employment Breakfast 2022 (2022-05-23): meet Jack Allen, Eilidh Brooks and 24 others who share your goals; topics 'youth employment'
	// - North Coast Digital Skills Webinar 2024 (2024-04-15): meet Sara Kim, Kofi Owen and 21 others who share your goals; topics 'digital skills', 'flood resilience' and 'small business growth'
	// - Central Vale Public Health Webinar 2022 (2022-05-04): meet Sara Reid, Charlotte Adeyemi and 22 others who share your goals; topics 'public health' and 'youth employment'
	//
	// A coalition of four:
	//   Jack Allen, Sara Park, Aisha Okafor and Bjorn Khan; cover all 2 of your goals; span 4 sectors (academia, business, government, nonprofit); Gini of network centrality 0.14 (limit 0.40)
	//
	// unknown actor "ngo-42" (did you mean "ngo-042", "ngo-002", "ngo-012"?)
}
