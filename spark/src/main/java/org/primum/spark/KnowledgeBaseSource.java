package org.primum.spark;

import java.io.Serializable;

/**
 * Where executors find the knowledge base: the copy bundled in the job's jar ({@link #BUNDLED}: the rules and
 * fhir-profiles the jar was built with), or two folders named by the user. A folder is taken as a local path
 * when it exists on the executor (a shared mount, local mode), otherwise as the name under which
 * {@code spark-submit --archives rules.zip#rules} unpacked it ({@code SparkFiles.get}). Small and serialisable:
 * this, not the compiled knowledge base, is what travels in the job's closures.
 */
public record KnowledgeBaseSource(String rules, String profiles) implements Serializable {

    public static final KnowledgeBaseSource BUNDLED = new KnowledgeBaseSource(null, null);

    public KnowledgeBaseSource {
        if ((rules == null) != (profiles == null)) {
            throw new IllegalArgumentException("--rules and --profiles go together (or neither: the knowledge base bundled in the jar)");
        }
    }

    public boolean bundled() {
        return rules == null;
    }

    @Override
    public String toString() {
        return bundled() ? "bundled in the job's jar" : "rules " + rules + ", profiles " + profiles;
    }
}
