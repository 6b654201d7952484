package org.primum.facts;

import java.util.List;

/**
 * The margin result of the breast surgery being judged (an audit's evaluation only): a result reported
 * after the act, so it is not part of the record as it stood before it and is given to the rules apart.
 */
public record ActMargin(String actSourceId, MarginStatus margin) implements Fact {

    public boolean involved() { return margin.involved(); }

    public List<String> sourceIds() { return margin.sourceIds(); }

    public String describe() { return margin.describe(); }
}
