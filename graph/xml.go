package graph

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Node attributes written by the XML exporters, in this order.
var xmlAttrs = []string{"name", "organization", "sector", "goals", "capabilities", "capacity"}

type xmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type graphML struct {
	XMLName xml.Name     `xml:"graphml"`
	NS      string       `xml:"xmlns,attr"`
	Keys    []graphMLKey `xml:"key"`
	Graph   graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string    `xml:"id,attr"`
	Data []xmlData `xml:"data"`
}

type graphMLEdge struct {
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []xmlData `xml:"data"`
}

// WriteGraphML writes layer l as GraphML (http://graphml.graphdrawing.org/): an undirected
// graph whose nodes are actors (id = actor ID) with their profile as data keys d0..d5
// (name, organization, sector, goals, capabilities as strings, capacity as a double) and
// whose edges carry the tie strength as the double key "weight". Nodes come in ID order and
// edges sorted by source then target; encoding/xml escapes every value.
func WriteGraphML(w io.Writer, n *Network, l Layer) error {
	doc := graphML{NS: "http://graphml.graphdrawing.org/xmlns",
		Graph: graphMLGraph{ID: "partnerscout-" + l.String(), EdgeDefault: "undirected"}}
	for i, a := range xmlAttrs {
		typ := "string"
		if a == "capacity" {
			typ = "double"
		}
		doc.Keys = append(doc.Keys, graphMLKey{ID: fmt.Sprintf("d%d", i), For: "node", Name: a, Type: typ})
	}
	doc.Keys = append(doc.Keys, graphMLKey{ID: "weight", For: "edge", Name: "weight", Type: "double"})
	for i := range n.actors {
		node := graphMLNode{ID: n.actors[i].ID}
		for k, kv := range n.actors[i].attributes() {
			if kv[1] != "" {
				node.Data = append(node.Data, xmlData{Key: fmt.Sprintf("d%d", k), Value: xmlSafe(kv[1])})
			}
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, node)
	}
	for _, t := range n.Project(l) {
		doc.Graph.Edges = append(doc.Graph.Edges, graphMLEdge{Source: t.A, Target: t.B,
			Data: []xmlData{{Key: "weight", Value: formatFloat(t.Weight)}}})
	}
	doc.Graph.Nodes = sanitizeNodes(doc.Graph.Nodes)
	for i := range doc.Graph.Edges {
		doc.Graph.Edges[i].Source = xmlSafe(doc.Graph.Edges[i].Source)
		doc.Graph.Edges[i].Target = xmlSafe(doc.Graph.Edges[i].Target)
	}
	return encodeXML(w, doc)
}

func sanitizeNodes(nodes []graphMLNode) []graphMLNode {
	for i := range nodes {
		nodes[i].ID = xmlSafe(nodes[i].ID)
	}
	return nodes
}

type gexf struct {
	XMLName xml.Name  `xml:"gexf"`
	NS      string    `xml:"xmlns,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	DefaultEdgeType string         `xml:"defaultedgetype,attr"`
	Mode            string         `xml:"mode,attr"`
	Attributes      gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode     `xml:"nodes>node"`
	Edges           []gexfEdge     `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class string          `xml:"class,attr"`
	Attrs []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string          `xml:"id,attr"`
	Label  string          `xml:"label,attr"`
	Values []gexfAttrValue `xml:"attvalues>attvalue,omitempty"`
}

type gexfAttrValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfEdge struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Weight string `xml:"weight,attr"`
}

// WriteGEXF writes layer l as GEXF 1.3 (https://gexf.net), the format Gephi reads: an
// undirected static graph whose nodes are actors (id = actor ID, label = name or ID) with
// their profile as node attributes 0..5 and whose edges carry the tie strength as weight.
func WriteGEXF(w io.Writer, n *Network, l Layer) error {
	doc := gexf{NS: "http://gexf.net/1.3", Version: "1.3",
		Meta: gexfMeta{Creator: "partnerscout", Description: "partnerscout " + l.String() + " layer"},
		Graph: gexfGraph{DefaultEdgeType: "undirected", Mode: "static",
			Attributes: gexfAttributes{Class: "node"}}}
	for i, a := range xmlAttrs {
		typ := "string"
		if a == "capacity" {
			typ = "double"
		}
		doc.Graph.Attributes.Attrs = append(doc.Graph.Attributes.Attrs, gexfAttribute{ID: fmt.Sprint(i), Title: a, Type: typ})
	}
	for i := range n.actors {
		a := &n.actors[i]
		label := a.Name
		if label == "" {
			label = a.ID
		}
		node := gexfNode{ID: xmlSafe(a.ID), Label: xmlSafe(label)}
		for k, kv := range a.attributes() {
			if kv[1] != "" {
				node.Values = append(node.Values, gexfAttrValue{For: fmt.Sprint(k), Value: xmlSafe(kv[1])})
			}
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, node)
	}
	for k, t := range n.Project(l) {
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{ID: fmt.Sprint(k), Source: xmlSafe(t.A),
			Target: xmlSafe(t.B), Weight: formatFloat(t.Weight)})
	}
	return encodeXML(w, doc)
}

// xmlSafe replaces characters that XML 1.0 cannot carry at all (control characters other
// than tab, newline and carriage return), which encoding/xml would otherwise write out.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xFFFE && r != 0xFFFF) {
			return r
		}
		return '\uFFFD'
	}, s)
}

func encodeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graph: encoding XML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("graph: %w", err)
	}
	return nil
}
