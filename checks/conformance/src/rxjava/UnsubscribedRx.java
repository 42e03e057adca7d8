package rxjava;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.util.List;

/** RxJava's Single, Completable and Observable are cold: nothing runs until subscribe. */
public class UnsubscribedRx {
  interface Mailer {
    Completable send(String to);

    Single<Integer> count(String box);
  }

  private final Mailer mailer;

  UnsubscribedRx(Mailer mailer) {
    this.mailer = mailer;
  }

  void notify(List<String> people) {
    // BUG: Diagnostic contains: UnsubscribedPublisher
    mailer.send("ops@example.org");
    mailer.send("dev@example.org").subscribe(() -> { }, Throwable::printStackTrace);
    Observable.fromIterable(people)
        // BUG: Diagnostic contains: UnsubscribedPublisher
        .doOnNext(person -> mailer.send(person))
        .subscribe();
    Observable.fromIterable(people)
        .flatMapCompletable(person -> mailer.send(person))
        .subscribe();
    Observable.fromIterable(people)
        // BUG: Diagnostic contains: UnsubscribedPublisher
        .map(person -> mailer.count(person))
        .subscribe();
    // BUG: Diagnostic contains: UnsubscribedPublisher
    Single<Integer> unread = mailer.count("inbox");
    // BUG: Diagnostic contains: UnawaitedFuture
    mailer.count("spam").toFuture();
  }

  Completable notifyLater(List<String> people) {
    return Observable.fromIterable(people).flatMapCompletable(mailer::send);
  }
}
