package org.familystation.command.importing;

/**
 * One column of an import template.
 *
 * @param heading what the template's first row says (Chinese), matched exactly on upload
 * @param note    what the column expects (format, codes), shown as the heading cell's comment in the template
 */
public record Column(String heading, String note) {
}
