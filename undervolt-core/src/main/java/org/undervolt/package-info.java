/**
 * Undervolt: neural networks on approximate DRAM. This root package holds what every other package may
 * use: {@link org.undervolt.InvalidInputException} (bad input, one line naming the field and the expected
 * form, exit code 2), {@link org.undervolt.Provenance} (versions and git revision a result records) and
 * {@link org.undervolt.EnumWords} (option values that name an enum's constants).
 * The packages and the direction of their dependencies are in {@code docs/ARCHITECTURE.md}, enforced by
 * {@code ArchitectureTest}.
 */
package org.undervolt;
