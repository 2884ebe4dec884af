/**
 * Writing CSV as RFC 4180 has it ({@code CsvWriter}) and reading it ({@code CsvReader}, moved here from
 * {@code intake} for every upload), a table of rows ({@code CsvTable}) and a CSV
 * answer offered as a file ({@code CsvDownload}), shared by the lead list and every report. Depends on
 * no other module.
 */
@ApplicationModule(displayName = "CSV", allowedDependencies = {})
package io.leadbridge.csv;

import org.springframework.modulith.ApplicationModule;
