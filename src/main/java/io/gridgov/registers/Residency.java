package io.gridgov.registers;

/** Whether a resident is registered here (户籍) or floating population (流动人口). */
public enum Residency {
	REGISTERED, FLOATING
}
