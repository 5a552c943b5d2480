/**
 * The published language of Family Station: every event the system records, grouped per aggregate under a sealed
 * interface, and the value types they carry. This is the contract between the command side and the query side;
 * it holds no Spring or persistence code. An event, once written, is never changed without an upcaster.
 */
package org.familystation.events;
