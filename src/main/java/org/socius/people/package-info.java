/**
 * The people behind the handles: each person's accounts across networks (filled from the
 * networks capability's events), notes, tags, the history of interactions in both directions,
 * an explainable relationship strength and keeping in touch. Other capabilities read people
 * through {@link org.socius.people.People}.
 */
package org.socius.people;
