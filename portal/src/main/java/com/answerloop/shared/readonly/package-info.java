/**
 * Read-only mode: while the database is unreachable the portal keeps serving what it can without it (articles, search),
 * says so on every page, and refuses writes at once instead of letting them hang.
 */
package com.answerloop.shared.readonly;
