package org.primum.cdshooks;

import org.junit.jupiter.api.Test;
import org.primum.engine.Citation;
import org.primum.engine.Indicator;
import org.primum.engine.Recommendation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A card's sources read as a methodologist checks them: each work's identifier is written out (a PubMed-only work
 * such as POSYTIVE shows its PMID, not just a link), and the figure, our summary of the passage, is not dressed
 * as a verbatim quotation.
 */
class CardDetailCitationTest {

    private static Recommendation citing(Citation... citations) {
        return new Recommendation("LRT_NOT_FOR_SURVIVAL", "Early locoregional therapy does not improve overall survival",
                "Randomised trials show no overall-survival gain.", Indicator.INFO, "RCT", "B", List.of(citations), List.of(),
                "Locoregional therapy does not improve survival", "test");
    }

    @Test
    void aWorkKnownByItsPmidShowsThePmid() {
        Citation posytive = new Citation("POSYTIVE-OS", "POSYTIVE-2019", "Fitzal F, et al. Ann Surg 2019;269(6):1163–1169.", null,
                "31082916", "https://pubmed.ncbi.nlm.nih.gov/31082916/", "published paper", "no survival advantage", null,
                "supporting", null);
        assertThat(CardDetail.markdown(List.of(citing(posytive)))).contains("PMID 31082916");
    }

    @Test
    void aWorkWithDoiAndPmidShowsBoth() {
        Citation s001 = new Citation("S001-SYNTHESIS", "S001", "Patrick J, Khan SA. J Natl Compr Canc Netw 2015;13(4):487–493.",
                "10.6004/jnccn.2015.0062", "25870383", "https://doi.org/10.6004/jnccn.2015.0062", "Synthesis",
                "not routinely recommended", null, "supporting", null);
        assertThat(CardDetail.markdown(List.of(citing(s001)))).contains("doi:10.6004/jnccn.2015.0062").contains("PMID 25870383");
    }

    @Test
    void theFigureIsNotPresentedAsAVerbatimQuote() {
        Citation tata = new Citation("TATA-OS", "TATA-2015", "Badwe R, et al. Lancet Oncol 2015;16(13):1380–1388.",
                "10.1016/S1470-2045(15)00135-7", null, "https://doi.org/10.1016/S1470-2045(15)00135-7", "published paper",
                "median OS 19.2 (LRT) vs 20.5 months", null, "supporting", null);
        String md = CardDetail.markdown(List.of(citing(tata)));
        assertThat(md).contains(": median OS 19.2 (LRT) vs 20.5 months").doesNotContain("\"median OS");
    }
}
