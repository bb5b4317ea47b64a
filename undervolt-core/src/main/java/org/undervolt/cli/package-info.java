/**
 * The {@code undervolt} command line (picocli): commands parse options, call the library and print;
 * option checks name the option ({@code OptionValues}); shared options are mixins. Sees every package;
 * nothing uses it.
 */
package org.undervolt.cli;
