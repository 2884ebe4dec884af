package io.leadbridge.database;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the current transaction has read and may read again (a lead, a partner's reps, the
 * decision tables in force), kept until the transaction ends. While a transaction of its own
 * runs inside it, that one starts with nothing and the outer one's values wait; nothing is kept
 * outside a transaction. The owner forgets a value it changes.
 */
public final class TransactionMemo<K, V> {

    /** The memo's own key among the transaction's resources. */
    private final Object key = new Object();

    /** The transaction's values, or null outside a transaction. */
    public Map<K, V> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Values<K, V> values = (Values<K, V>) TransactionSynchronizationManager.getResource(key);
        if (values == null) {
            values = new Values<>();
            TransactionSynchronizationManager.bindResource(key, values);
            TransactionSynchronizationManager.registerSynchronization(
                    new ResourceHolderSynchronization<Values<K, V>, Object>(values, key) { });
        }
        return values.map;
    }

    /** The transaction's values, or a map that keeps nothing outside a transaction. */
    public Map<K, V> currentOrNone() {
        Map<K, V> current = current();
        return current != null ? current : new HashMap<>();
    }

    private static final class Values<K, V> extends ResourceHolderSupport {
        private final Map<K, V> map = new HashMap<>();
    }
}
