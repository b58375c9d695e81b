/**
 * The local mail store: everything Sealmail keeps on the user's disk, in one SQLite database per
 * profile (see {@link org.sealmail.mailstore.db.SqliteMailStore}).
 */
package org.sealmail.mailstore;
