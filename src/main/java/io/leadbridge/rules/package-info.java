/**
 * Rule files analysts bring, checked before the engine or a replay uses them: FEEL only, every row
 * usable (through each table's own reader), process models free of code.
 */
@ApplicationModule(displayName = "Rule checks")
package io.leadbridge.rules;

import org.springframework.modulith.ApplicationModule;
