package io.modelarts.sql.http;

import java.util.List;

/**
 * One page of the list API's answer: the rows and the paging facts ({@code current}, {@code pages},
 * {@code size}, {@code total}) that tell the pager where the listing ends.
 */
public record NotebookPage(
    Integer current, Integer pages, Integer size, Long total, List<Notebook> data) {}
