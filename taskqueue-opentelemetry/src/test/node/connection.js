'use strict';
// The ioredis connection for a test URL. redis://... becomes plain connection options;
// redis-cluster://host:port,host:port (the taskqueue test kit's cluster URL) becomes an ioredis
// Cluster on those seed nodes, which BullMQ accepts as its connection.
const { Cluster } = require('ioredis');

module.exports = function connection(url) {
  if (url && url.startsWith('redis-cluster://')) {
    const nodes = url.substring('redis-cluster://'.length).split(',').map((hostPort) => {
      const colon = hostPort.lastIndexOf(':');
      return { host: hostPort.substring(0, colon), port: Number(hostPort.substring(colon + 1)) };
    });
    return new Cluster(nodes, { redisOptions: { maxRetriesPerRequest: null } });
  }
  return { url, maxRetriesPerRequest: null };
};
