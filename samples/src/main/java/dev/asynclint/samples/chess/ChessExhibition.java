package dev.asynclint.samples.chess;

import dev.asynclint.annotations.NonBlocking;
import dev.asynclint.samples.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A chess master plays {@code boards} opponents at once on one thread with a scheduled queue, the
 * smallest event loop there is. The master's move is the loop's real work; the opponent's reply is
 * time the loop should spend on other boards. The two variants differ in one line: the fixed one
 * schedules the reply, the violating one sleeps through it and so plays one board at a time.
 */
public final class ChessExhibition {

  /**
   * The exhibition in "talk units" (seconds in the talk) and how long one unit lasts here.
   *
   * @param unitNanos wall time of one talk unit; the talk's 5 s move becomes 5 units
   */
  public record Config(int boards, int movePairs, int masterMoveUnits, int replyUnits, long unitNanos) {

    /** 24 boards, 5 s moves, 55 s replies, 30 move pairs; 1 talk second = 250 µs. */
    public static Config talk() {
      return new Config(24, 30, 5, 55, 250_000);
    }

    public Config {
      if (boards < 1 || movePairs < 1 || masterMoveUnits < 1 || replyUnits < 0 || unitNanos < 1) {
        throw new IllegalArgumentException("chess config needs positive numbers, got " + this);
      }
    }

    /** One board after another: every move and every reply in sequence (the talk's 12 hours). */
    public long sequentialUnits() {
      return (long) boards * movePairs * (masterMoveUnits + replyUnits);
    }

    /** The talk's arithmetic for moving round the boards: only the master's moves count (1 hour). */
    public long simultaneousUnits() {
      return (long) boards * movePairs * masterMoveUnits;
    }

    /**
     * A round takes the longer of the master's tour and one board's move plus reply; after the
     * last round the last board's final reply is still outstanding.
     */
    public long simultaneousUnitsWithLastReply() {
      long round = Math.max((long) boards * masterMoveUnits, masterMoveUnits + replyUnits);
      return movePairs * round + replyUnits;
    }

    public double talkSpeedup() {
      return (double) sequentialUnits() / simultaneousUnits();
    }

    public double expectedSpeedup() {
      return (double) sequentialUnits() / simultaneousUnitsWithLastReply();
    }

    public double unitsToSeconds(long units) {
      return units * unitNanos / 1e9;
    }
  }

  /** When the master started a move, as nanos since the exhibition began. */
  public record MasterMove(int board, int pair, long atNanos) {}

  public record Result(Variant variant, long elapsedNanos, List<MasterMove> moves) {
    public double seconds() {
      return elapsedNanos / 1e9;
    }
  }

  private final Config config;
  private final Variant variant;
  private final ScheduledExecutorService loop;
  private final CountDownLatch gamesLeft;
  private final List<MasterMove> moves;
  private long startNanos;

  private ChessExhibition(Config config, Variant variant) {
    this.config = config;
    this.variant = variant;
    this.loop = new ScheduledThreadPoolExecutor(1, task -> new Thread(task, "chess-loop"));
    this.gamesLeft = new CountDownLatch(config.boards());
    this.moves = new ArrayList<>(config.boards() * config.movePairs());
  }

  /** Plays a whole exhibition and returns once every game has ended. */
  public static Result play(Config config, Variant variant) throws InterruptedException {
    ChessExhibition exhibition = new ChessExhibition(config, variant);
    try {
      return exhibition.run();
    } finally {
      exhibition.loop.shutdownNow();
    }
  }

  private Result run() throws InterruptedException {
    startNanos = System.nanoTime();
    for (int board = 0; board < config.boards(); board++) {
      int b = board;
      loop.execute(() -> masterMoves(b, 1));
    }
    gamesLeft.await();
    long elapsed = System.nanoTime() - startNanos;
    return new Result(variant, elapsed, Collections.unmodifiableList(new ArrayList<>(moves)));
  }

  @NonBlocking
  private void masterMoves(int board, int pair) {
    moves.add(new MasterMove(board, pair, System.nanoTime() - startNanos));
    think(config.masterMoveUnits());
    if (variant == Variant.FIXED) {
      loop.schedule(() -> opponentReplied(board, pair), units(config.replyUnits()), TimeUnit.NANOSECONDS);
    } else {
      sleepThroughReply(board, pair);
    }
  }

  @NonBlocking
  private void sleepThroughReply(int board, int pair) {
    try {
      Thread.sleep(Duration.ofNanos(units(config.replyUnits()))); // violation: SleepInEventLoop
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    opponentReplied(board, pair);
  }

  @NonBlocking
  private void opponentReplied(int board, int pair) {
    if (pair == config.movePairs()) {
      gamesLeft.countDown();
    } else {
      masterMoves(board, pair + 1);
    }
  }

  /** How early the master wakes from a timed park to spin the rest, beating timer slack. */
  private static final long SPIN_NANOS = 150_000;

  /**
   * The master's thinking is the loop's own work: nothing else runs on the loop meanwhile. It parks
   * for most of it instead of burning a core, so on a shared machine the exhibition measures its
   * schedule rather than how much CPU the neighbours leave it; the short spin at the end keeps
   * each move's length exact despite timer slack.
   */
  @SuppressWarnings({"BlockingWaitInEventLoop", "NonYieldingLoopInEventLoop"})
  private void think(int units) {
    long end = System.nanoTime() + units(units);
    long parkFor = end - System.nanoTime() - SPIN_NANOS;
    if (parkFor > 0) {
      LockSupport.parkNanos(parkFor);
    }
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private long units(int units) {
    return units * config.unitNanos();
  }

  public static void main(String[] args) throws InterruptedException {
    Config config = Config.talk();
    ChessReport report = ChessReport.measure(config);
    System.out.println(report.describe());
  }
}
