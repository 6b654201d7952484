package org.primum.engine;

import java.util.List;

/** Data the guidance needs and the record lacks (a DATA_MISSING_* finding or an assumption the mapping made). */
public record MissingData(String code, String item, String detail, List<String> resourceIds) {
}
