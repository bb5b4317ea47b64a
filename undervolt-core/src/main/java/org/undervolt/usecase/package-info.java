/**
 * The library's entry points, one per thing a user asks for (map, eval, train, retrain, tolerance): a typed
 * request record, validated in its constructor, goes in, a typed result record comes out. The CLI commands
 * parse options into a request, call the use case and print the result; the pipelines of {@code experiment}
 * build the same requests from their configs. So a bound or a default lives in one place, whoever asks.
 *
 * <p>A request names a bad value with a {@link org.undervolt.usecase.BadSetting}: the setting's key, the
 * value and what is expected; the caller names the key in its own words ({@link org.undervolt.usecase.SettingNames}:
 * {@code --vdd-step} on the command line, {@code eden setting 'vdd_step' =} in a pipeline config).
 *
 * <p>Uses the library packages below it; never {@code experiment} or {@code cli}.
 */
package org.undervolt.usecase;
