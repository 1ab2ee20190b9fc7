/**
 * The targeted registers (靶向分类台账): residents, households, enterprises, the tags that put
 * people into special and key groups, visits by grid workers, and Excel/CSV import and export,
 * with ID numbers and phones encrypted, masked and revealed only with a reason.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registers",
		allowedDependencies = { "platform", "geo", "identity", "workforce" })
package io.gridgov.registers;
