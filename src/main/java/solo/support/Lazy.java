package solo.support;

import java.util.function.Supplier;

/** A value made on first use, once, for parts that most commands never touch. */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<T> maker;
    private volatile T value;

    private Lazy(Supplier<T> maker) {
        this.maker = maker;
    }

    public static <T> Lazy<T> of(Supplier<T> maker) {
        return new Lazy<>(maker);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null) {
                    value = maker.get();
                    maker = null;
                }
                v = value;
            }
        }
        return v;
    }

    public boolean isMade() {
        return value != null;
    }
}
