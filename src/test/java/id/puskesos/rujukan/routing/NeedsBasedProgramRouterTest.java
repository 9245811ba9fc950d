package id.puskesos.rujukan.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.puskesos.rujukan.referral.Need;

class NeedsBasedProgramRouterTest {

  private final ProgramCatalogue catalogue = new ProgramCatalogue(
      List.of(new Partner("DINSOS", "Dinas Sosial Kota Bandung", "dinsos", true),
          new Partner("BAZNAS", "BAZNAS Kota Bandung", "baznas", false),
          new Partner("SALMAN", "Rumah Amal Salman", "salman", false)),
      List.of(new Program("BPNT", "BPNT / Sembako", "DINSOS", AidKind.CASH, Set.of(Need.FOOD), true),
          new Program("BAZNAS_SEHAT", "Bandung Sehat", "BAZNAS", AidKind.CASH, Set.of(Need.HEALTH), false),
          new Program("SALMAN_SEMBAKO", "Paket sembako", "SALMAN", AidKind.GOODS, Set.of(Need.FOOD), false)));
  private final NeedsBasedProgramRouter router = new NeedsBasedProgramRouter(catalogue);

  @Test
  void suggestsEveryProgramForTheNeedsWhosePartnerMayReceiveTheData() {
    assertThat(router.suggest(new RoutingRequest(Set.of(Need.FOOD, Need.HEALTH), true, false, true)))
        .containsExactly("BPNT", "SALMAN_SEMBAKO");
    assertThat(router.suggest(new RoutingRequest(Set.of(Need.FOOD, Need.HEALTH), true, true, true)))
        .containsExactly("BPNT", "BAZNAS_SEHAT", "SALMAN_SEMBAKO");
  }

  @Test
  void nationalProgramsAreNotSuggestedForResidentsOutsideDtks() {
    assertThat(router.suggest(new RoutingRequest(Set.of(Need.FOOD), false, false, true)))
        .containsExactly("SALMAN_SEMBAKO");
  }

  @Test
  void governmentPartnersNeedNoConsent() {
    assertThat(new RoutingRequest(Set.of(), false, false, false)
        .mayShareWith(new Partner("DINSOS", "Dinas Sosial", "dinsos", true))).isTrue();
  }

  @Test
  void catalogueRefusesAProgramOfAnUnknownPartner() {
    assertThatThrownBy(() -> new ProgramCatalogue(List.of(),
        List.of(new Program("X", "X", "NOBODY", AidKind.CASH, Set.of(), false))))
        .hasMessageContaining("unknown partner NOBODY");
  }
}
