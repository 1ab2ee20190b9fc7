package io.gridgov.registers;

/** Classification flags of an enterprise: 规上, 高新技术, 专精特新, 小巨人, 上市. */
public enum EnterpriseFlag {
	ABOVE_DESIGNATED_SIZE, HIGH_TECH, SRDI, LITTLE_GIANT, LISTED
}
