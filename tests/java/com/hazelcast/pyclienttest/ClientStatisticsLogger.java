package com.hazelcast.pyclienttest;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.client.impl.ClientEngine;
import com.hazelcast.client.impl.statistics.ClientStatistics;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.instance.impl.HazelcastInstanceImpl;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.metrics.MetricConsumer;
import com.hazelcast.internal.metrics.MetricDescriptor;
import com.hazelcast.internal.metrics.impl.MetricsCompressor;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Member-side check of client statistics: configured as a member listener, it polls
 * the statistics the clients sent and logs each new report, with its metrics decoded
 * by the member's own decoder, as one line starting with "PYCLIENT-STATS".
 */
public class ClientStatisticsLogger implements ClientListener, HazelcastInstanceAware {

    private volatile HazelcastInstance instance;
    private Thread poller;

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.instance = hazelcastInstance;
    }

    @Override
    public synchronized void clientConnected(Client client) {
        if (poller != null) {
            return;
        }
        poller = new Thread(this::poll, "pyclienttest-statistics-logger");
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public void clientDisconnected(Client client) {
    }

    private ClientEngine clientEngine() {
        HazelcastInstance hz = instance;
        HazelcastInstanceImpl impl = hz instanceof HazelcastInstanceProxy
                ? ((HazelcastInstanceProxy) hz).getOriginal() : (HazelcastInstanceImpl) hz;
        return impl.node.getClientEngine();
    }

    private void poll() {
        Map<UUID, Long> lastSeen = new HashMap<>();
        while (true) {
            try {
                Thread.sleep(100);
                for (Map.Entry<UUID, ClientStatistics> e : clientEngine().getClientStatistics().entrySet()) {
                    ClientStatistics stats = e.getValue();
                    Long last = lastSeen.get(e.getKey());
                    if (last != null && last == stats.timestamp()) {
                        continue;
                    }
                    lastSeen.put(e.getKey(), stats.timestamp());
                    StringBuilder metrics = new StringBuilder();
                    MetricsCompressor.extractMetrics(stats.metricsBlob(), new MetricConsumer() {
                        @Override
                        public void consumeLong(MetricDescriptor d, long value) {
                            metrics.append(d.prefix()).append('.').append(d.metric()).append(':')
                                   .append(d.unit()).append('=').append(value).append(';');
                        }

                        @Override
                        public void consumeDouble(MetricDescriptor d, double value) {
                            metrics.append(d.prefix()).append('.').append(d.metric()).append(':')
                                   .append(d.unit()).append('=').append(value).append(';');
                        }
                    });
                    System.out.println("PYCLIENT-STATS client=" + e.getKey() + " received=" + System.currentTimeMillis()
                            + " timestamp=" + stats.timestamp() + " attributes=" + stats.clientAttributes()
                            + " metrics=" + metrics);
                    System.out.flush();
                }
            } catch (InterruptedException ex) {
                return;
            } catch (Throwable t) {
                System.out.println("PYCLIENT-STATS error " + t);
                System.out.flush();
            }
        }
    }
}
