/*
 * Interop check: Alibaba's own Node.js RPC client (@alicloud/pop-core) against the Live API emulator.
 * Not part of the Maven build. It proves that the emulator's signature check, transports and error
 * codes agree with a client we did not write.
 *
 * Run (from the repository root, Node >= 18):
 *   mvn -q -DskipTests package   # or any build that fills target/classes
 *   mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp target/classes:$(cat /tmp/cp.txt) io.casteroperator.cli.Main emulator --port 9100 &
 *   mkdir -p /tmp/interop && cd /tmp/interop && npm init -y && npm install @alicloud/pop-core
 *   NODE_PATH=/tmp/interop/node_modules node /path/to/repo/src/test/interop/pop-core-check.js
 *
 * Environment: EMULATOR_ENDPOINT (default http://127.0.0.1:9100), ACCESS_KEY_ID / ACCESS_KEY_SECRET
 * (default: the emulator's demo key pair). Exits non-zero on the first mismatch.
 */
'use strict';

const assert = require('assert');
const RPCClient = require('@alicloud/pop-core').RPCClient;

const endpoint = process.env.EMULATOR_ENDPOINT || 'http://127.0.0.1:9100';
const accessKeyId = process.env.ACCESS_KEY_ID || 'LTAIdemoCasterOperator';
const accessKeySecret = process.env.ACCESS_KEY_SECRET || 'demoSecretNotForProduction';

function client(secret) {
  return new RPCClient({ endpoint, apiVersion: '2016-11-01', accessKeyId, accessKeySecret: secret });
}

const good = client(accessKeySecret);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function errorCode(promise) {
  try {
    await promise;
    return 'OK';
  } catch (e) {
    return e.code || String(e);
  }
}

async function lifeCycle(method) {
  const opts = { method };
  const name = `pop-core ${method} * ~ + 中文`;
  const created = await good.request('CreateCaster',
    { CasterName: name, ClientToken: `pop-core-${method}-${Date.now()}`, ChargeType: 'PostPaid', NormType: '1' }, opts);
  const id = created.CasterId;
  console.log(`[${method}] CreateCaster -> ${id}`);

  const transcode = JSON.stringify({ CasterTemplate: 'lp_hd', LiveTemplateIds: ['a'],
    CustomParams: { video: { fps: 25, bitrate: 2000, width: 1280, height: 720 } } });
  const record = JSON.stringify({ endpoint: 'http://oss-cn-shanghai.aliyuncs.com', ossBucket: 'b',
    videoFormat: [{ Format: 'm3u8', OssObjectPrefix: 'rec/{StreamName}', CycleDuration: 3600 }], interval: 5000 });
  const set = await good.request('SetCasterConfig', {
    CasterId: id, CasterName: name, DomainName: 'example.com', TranscodeConfig: transcode, RecordConfig: record,
    SyncGroupsConfig: JSON.stringify([{ mode: 0, resourceIds: ['r1', 'r2'], hostResourceId: 'r1' }]),
    SideOutputUrlList: JSON.stringify(['rtmp://a/b/c']), AutoSwitchUrgentOn: 'true',
    AutoSwitchUrgentConfig: JSON.stringify({ eofThres: 3 }), Delay: '1.5', ChannelEnable: '0', ProgramEffect: '1',
  }, opts);
  assert.strictEqual(set.CasterId, id);
  console.log(`[${method}] SetCasterConfig -> OK (RequestId ${set.RequestId})`);

  const config = await good.request('DescribeCasterConfig', { CasterId: id }, opts);
  assert.strictEqual(config.CasterName, name);
  assert.strictEqual(config.TranscodeConfig.CasterTemplate, 'lp_hd');
  assert.deepStrictEqual(config.TranscodeConfig.LiveTemplateIds.LocationId, ['a']);
  assert.strictEqual(config.RecordConfig.RecordFormat.RecordFormat[0].Format, 'm3u8');
  assert.strictEqual(config.SyncGroupsConfig.SyncGroup[0].HostResourceId, 'r1');
  assert.strictEqual(config.SideOutputUrlList, '["rtmp://a/b/c"]');
  assert.strictEqual(Number(config.Delay), 1.5);
  console.log(`[${method}] DescribeCasterConfig -> CasterName=${JSON.stringify(config.CasterName)} ` +
    `CasterTemplate=${config.TranscodeConfig.CasterTemplate} Delay=${config.Delay}`);

  await good.request('StartCaster', { CasterId: id }, opts);
  let listed = await good.request('DescribeCasters', { CasterId: id }, opts);
  assert.strictEqual(Number(listed.CasterList.Caster[0].Status), 1);
  console.log(`[${method}] StartCaster -> Status ${listed.CasterList.Caster[0].Status}`);

  await good.request('StopCaster', { CasterId: id }, opts);
  listed = await good.request('DescribeCasters', { CasterId: id }, opts);
  assert.strictEqual(Number(listed.CasterList.Caster[0].Status), 0);
  console.log(`[${method}] StopCaster -> Status ${listed.CasterList.Caster[0].Status}`);
  return id;
}

async function main() {
  console.log(`pop-core ${require('@alicloud/pop-core/package.json').version} against ${endpoint}`);
  const ids = [await lifeCycle('GET'), await lifeCycle('POST')];

  for (const method of ['GET', 'POST']) {
    const code = await errorCode(client('wrong-secret').request('DescribeCasters', {}, { method }));
    assert.strictEqual(code, 'SignatureDoesNotMatch');
    console.log(`[${method}] wrong secret -> ${code}`);
  }

  await sleep(1100); // let the lifecycle's SetCasterConfig calls leave the one-second window
  const burst = await Promise.all(Array.from({ length: 15 }, () =>
    errorCode(good.request('SetCasterConfig', { CasterId: ids[0], DomainName: 'example.com' }, { method: 'POST' }))));
  const count = (c) => burst.filter((x) => x === c).length;
  console.log(`burst of 15 SetCasterConfig -> OK=${count('OK')} Throttling.User=${count('Throttling.User')}`);
  assert.strictEqual(count('OK'), 10);
  assert.strictEqual(count('Throttling.User'), 5);

  await sleep(1100);
  for (const id of ids) {
    await good.request('DeleteCaster', { CasterId: id }, { method: 'POST' });
  }
  console.log('DeleteCaster x2 -> OK');
  console.log('INTEROP CHECK PASSED');
}

main().catch((e) => {
  console.error('INTEROP CHECK FAILED:', e);
  process.exit(1);
});
