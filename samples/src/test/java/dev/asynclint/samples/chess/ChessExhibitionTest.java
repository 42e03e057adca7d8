package dev.asynclint.samples.chess;

import static com.google.common.truth.Truth.assertThat;

import dev.asynclint.samples.Variant;
import dev.asynclint.samples.chess.ChessExhibition.Config;
import dev.asynclint.samples.chess.ChessExhibition.MasterMove;
import dev.asynclint.samples.chess.ChessExhibition.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChessExhibitionTest {

  private static final Config SMALL = new Config(6, 3, 5, 55, 20_000);

  @Test
  void talkArithmeticIsTwelveHoursAgainstOne() {
    Config talk = Config.talk();
    assertThat(talk.sequentialUnits()).isEqualTo(43_200);
    assertThat(talk.simultaneousUnits()).isEqualTo(3_600);
    assertThat(talk.talkSpeedup()).isEqualTo(12.0);
    // 30 rounds of 24 × 5 units, then the last opponent still replies: 3,655 units.
    assertThat(talk.simultaneousUnitsWithLastReply()).isEqualTo(3_655);
  }

  @Test
  void sleepingOnTheLoopPlaysOneBoardAfterAnother() throws InterruptedException {
    Result result = ChessExhibition.play(SMALL, Variant.VIOLATING);

    List<MasterMove> moves = result.moves();
    assertThat(moves).hasSize(SMALL.boards() * SMALL.movePairs());
    for (int i = 0; i < moves.size(); i++) {
      assertThat(moves.get(i).board()).isEqualTo(i / SMALL.movePairs());
      assertThat(moves.get(i).pair()).isEqualTo(1 + i % SMALL.movePairs());
    }
    // Sleeps and the master's thinking never end early, so this bound holds on any machine.
    assertThat(result.elapsedNanos()).isAtLeast(SMALL.sequentialUnits() * SMALL.unitNanos());
  }

  @Test
  void schedulingTheReplyMovesRoundTheBoards() throws InterruptedException {
    Result result = ChessExhibition.play(SMALL, Variant.FIXED);

    List<MasterMove> moves = result.moves();
    assertThat(moves).hasSize(SMALL.boards() * SMALL.movePairs());
    // A round (6 × 5 units) is shorter than a reply (55), so every round visits all boards in turn.
    for (int i = 0; i < moves.size(); i++) {
      assertThat(moves.get(i).board()).isEqualTo(i % SMALL.boards());
      assertThat(moves.get(i).pair()).isEqualTo(1 + i / SMALL.boards());
    }
    assertThat(result.elapsedNanos()).isAtLeast(SMALL.simultaneousUnits() * SMALL.unitNanos());
  }
}
