package org.undervolt.report;

/**
 * One section of an {@link HtmlReport}: a heading, an anchor and a body. Pipelines add their own
 * (per-layer tolerance, energy versus VDD, a partition map) by implementing this.
 */
public interface ReportSection {

    /** The anchor of the section in the page: letters, digits and dashes. */
    String id();

    /** The heading. */
    String title();

    /** Writes the body (everything under the heading). */
    void render(Html html);
}
