package main

// Example runs the program and pins its output, so that it cannot silently break.
func Example() {
	main()
	// Output:
	// Florentine families: 16 families, 20 marriages; without a marriage tie: Pucci
	//
	// The six families with the highest betweenness:
	//   family       wealth  degree  betw. (16)  betw. (15) constraint eff. size
	//   Medici          103   0.400       0.452       0.522      0.210     5.667
	//   Guadagni          8   0.267       0.221       0.255      0.250     4.000
	//   Albizzi          36   0.200       0.184       0.212      0.333     3.000
	//   Salviati         10   0.133       0.124       0.143      0.500     2.000
	//   Ridolfi          27   0.200       0.098       0.114      0.460     2.333
	//   Bischeri         44   0.200       0.090       0.104      0.482     2.333
	//
	// The richest family was the Strozzi (146 thousand lira in 1427), not the Medici (103);
	// the Medici's marriages made them the broker: betweenness 0.452 (0.522 on networkx's 15 nodes),
	// 2.1 times the next family's.
	//
	// Families whose access to the elite runs through the Medici:
	//   family       via Medici  flags (advantage)
	//   Acciaiuoli         100%  dependence/high 0.97 (medici); gatekeeper/high 1.00 (medici)
	//   Albizzi             54%  gatekeeper/low 0.54 (medici)
	//   Barbadori           69%  gatekeeper/medium 0.69 (medici)
	//   Ginori              54%  gatekeeper/low 0.54 (medici)
	//   Pazzi               92%  gatekeeper/high 0.92 (medici)
	//   Salviati            92%  gatekeeper/high 0.92 (medici)
}
