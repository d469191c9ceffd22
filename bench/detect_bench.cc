// Detector throughput on PI-dense synthetic lines, per unit kind, single thread.
// Run: build/release/bench/custos_detect_bench
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "custos/detect/detector.h"

namespace {

std::vector<std::string> Lines() {
  return {
      "2026-11-02 08:15:01.233 INFO [order] 订单号202611020815012330001234 客户张伟 手机13812345678 已发货",
      "2026-11-02 08:15:02.101 INFO [kyc] verify ok name=李娜 id_card=110105199003071239 phone=+86 139-2345-6789",
      "2026-11-02 08:15:05.310 INFO [auth] login user_id=884213 from 203.0.113.45 ua=okhttp/4.9.3 ver=20.38.242.5741",
      "2026-11-02 08:15:06.444 DEBUG [notify] 联系邮箱zhang.wei@example.com谢谢 已发送 trace=9f1c2b7e-4a1d-4c55",
      "GET /api/v1/users/884213?mobile=13912345678&email=li.na%40example.org HTTP/1.1 200 512 \"Mozilla/5.0\"",
      "2026-11-02 08:15:09.010 INFO [device] IMEI 490154203237518 mac=00:1A:2B:3C:4D:5E card 6222021001123456784",
  };
}

void BM_ScanLines(benchmark::State& state) {
  auto det = custos::detect::Detector::Create({});
  if (!det.ok()) {
    state.SkipWithError(det.status().ToString().c_str());
    return;
  }
  auto scratch = (*det)->NewScratch();
  auto lines = Lines();
  std::vector<custos::detect::Finding> out;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& l : lines) {
      out.clear();
      (*det)->Scan(l, {}, *scratch, out);
      bytes += l.size();
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ScanLines);

void BM_ScanPlainAscii(benchmark::State& state) {
  auto det = custos::detect::Detector::Create({});
  if (!det.ok()) return;
  auto scratch = (*det)->NewScratch();
  std::string text;
  while (text.size() < 4096) text += "the quick brown fox jumps over the lazy dog 42 times; ";
  std::vector<custos::detect::Finding> out;
  for (auto _ : state) {
    out.clear();
    (*det)->Scan(text, {}, *scratch, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ScanPlainAscii);

}  // namespace

BENCHMARK_MAIN();
