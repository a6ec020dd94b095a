package main

// Example runs the program and pins its output, so that it cannot silently break.
func Example() {
	main()
	// Output:
	// network: 7 actors, 6 contact ties, 1 events, as of 2024-06-12
	//
	// candidates for the food bank:
	//   1. grocer score 0.375  goal 0.02  trust 0.50  shared food security  via youth
	//   2. uni    score 0.349  goal 0.02  trust 0.50  shared food security  via council
	//   3. clinic score 0.283  goal 0.00  trust 0.50  shared -  via council
	//
	// dominikbraun/graph: 7 vertices, 6 edges
	// shortest path food-bank -> farm: food-bank -> youth -> grocer -> farm
	// vertex council: City Council, sector government, capacity attribute 900
	//
	// DOT (15 lines), the ties:
	//   "clinic" -- "council" [ weight="1" ];
	//   "council" -- "food-bank" [ weight="2" ];
	//   "council" -- "uni" [ weight="1" ];
	//   "farm" -- "grocer" [ weight="2" ];
	//   "food-bank" -- "youth" [ weight="3" ];
	//   "grocer" -- "youth" [ weight="1" ];
}
