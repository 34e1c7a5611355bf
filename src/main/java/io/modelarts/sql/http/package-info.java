/**
 * The HTTP side of the driver: one transport class that calls the ModelArts list API ({@link
 * io.modelarts.sql.http.ModelArtsClient}), the streaming parser of its JSON pages, the immutable
 * model of a notebook as the API describes it, and the pager that walks a listing.
 */
package io.modelarts.sql.http;
