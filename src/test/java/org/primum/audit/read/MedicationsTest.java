package org.primum.audit.read;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MedicationsTest {

    /** Routing threads may see two copies of one Medication in any order: the later in the input is kept, as one thread would. */
    @Test
    void ofTwoCopiesTheLaterInTheInputIsKeptWhateverTheOrderSeen() {
        byte[] early = {1}, late = {2}, later = {3};
        Medications m = new Medications();
        m.put("m1", 1, 5, late);
        m.put("m1", 0, 9, early);
        assertThat(m.get("m1").json()).isEqualTo(late);
        m.put("m1", 1, 7, later);
        assertThat(m.get("m1").json()).isEqualTo(later);
        assertThat(m.get("m1").line()).isEqualTo(7);
        assertThat(m.size()).isEqualTo(1);
    }
}
