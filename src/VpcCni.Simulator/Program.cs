// Replaced by the simulator's command line (issue 3).
return 0;
