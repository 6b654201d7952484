package org.primum.facts;

import java.util.List;

/**
 * A proposed locoregional therapy of the primary under review: a surgical or radiotherapy order
 * that is not flagged prophylactic and is on the primary's side (or either side is unknown, or
 * bilateral). The same notion of "the primary's side" decides whether a done operation resected
 * the primary; a purely contralateral or prophylactic mastectomy is not treatment of the primary.
 */
public record PrimaryLrtOrder(ProposedOrder order) implements Fact {

    public boolean surgical() { return order.kind().surgical(); }

    public ProcedureKind kind() { return order.kind(); }

    public List<String> sourceIds() { return order.sourceIds(); }

    public String describe() { return order.describe() + " (locoregional therapy of the primary)"; }
}
