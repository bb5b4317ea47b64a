/**
 * Reports: a self-contained HTML page of sections with inline SVG plots
 * ({@link org.undervolt.report.HtmlReport}, {@link org.undervolt.report.ReportSection}), a PNG plot of
 * accuracy versus BER, and the papers' headline figures for comparison. A leaf: it draws the numbers it
 * is given ({@link org.undervolt.report.AccuracyPoint}, bars, series) and knows nothing of how they were
 * measured.
 */
package org.undervolt.report;
