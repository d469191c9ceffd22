// Internal to scan: an ordered parallel pipeline. One thread (the caller) reads
// batches and consumes results in input order; N workers transform batches into
// results. At most 2N+1 batches are in flight, so memory stays bounded whatever the
// input size. With N = 1 nothing is threaded: read, work and consume alternate on the
// caller's thread (what the single-core benchmarks measure).
#ifndef CUSTOS_SCAN_PIPELINE_H_
#define CUSTOS_SCAN_PIPELINE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "custos/base/status.h"

namespace custos::scan {

template <typename Batch, typename Result>
class OrderedPipeline {
 public:
  // produce(batch) fills a batch: true if it holds work, false at end of input.
  using Produce = std::function<StatusOr<bool>(Batch&)>;
  // work(batch, worker_index, result) runs on a worker thread.
  using Work = std::function<void(Batch&, int, Result&)>;
  // consume(result) runs on the caller's thread, in input order.
  using Consume = std::function<void(Result&)>;
  // Before each batch a result is reset with result.Clear(), which keeps its memory:
  // results are reused, not rebuilt, so their buffers stop growing after the first
  // batches.

  explicit OrderedPipeline(int threads) : threads_(threads < 1 ? 1 : threads) {}

  Status Run(const Produce& produce, const Work& work, const Consume& consume) {
    if (threads_ == 1) {
      Batch batch;
      Result result;
      while (true) {
        StatusOr<bool> more = produce(batch);
        if (!more.ok()) return more.status();
        if (!*more) return Status::Ok();
        result.Clear();
        work(batch, 0, result);
        consume(result);
      }
    }
    const size_t nslots = static_cast<size_t>(2 * threads_ + 1);
    std::vector<Slot> slots(nslots);
    std::deque<size_t> free_slots, queue;
    for (size_t i = 0; i < nslots; ++i) free_slots.push_back(i);
    std::mutex mu;
    std::condition_variable work_cv, done_cv;
    bool closing = false;
    uint64_t next_seq = 0, next_consume = 0;

    std::vector<std::thread> workers;
    for (int w = 0; w < threads_; ++w) {
      workers.emplace_back([&, w] {
        while (true) {
          size_t idx;
          {
            std::unique_lock lock(mu);
            work_cv.wait(lock, [&] { return closing || !queue.empty(); });
            if (queue.empty()) return;
            idx = queue.front();
            queue.pop_front();
          }
          slots[idx].result.Clear();
          work(slots[idx].batch, w, slots[idx].result);
          {
            std::lock_guard lock(mu);
            slots[idx].done = true;
          }
          done_cv.notify_all();
        }
      });
    }

    // Consumes every finished result that is next in order. Call with the lock held.
    auto drain = [&](std::unique_lock<std::mutex>& lock) {
      while (true) {
        Slot* s = nullptr;
        size_t idx = 0;
        for (size_t i = 0; i < nslots; ++i) {
          if (slots[i].busy && slots[i].done && slots[i].seq == next_consume) {
            s = &slots[i];
            idx = i;
            break;
          }
        }
        if (s == nullptr) return;
        lock.unlock();
        consume(s->result);
        lock.lock();
        s->busy = s->done = false;
        free_slots.push_back(idx);
        ++next_consume;
      }
    };

    Status status;
    while (true) {
      size_t idx;
      {
        std::unique_lock lock(mu);
        drain(lock);
        done_cv.wait(lock, [&] {
          drain(lock);
          return !free_slots.empty();
        });
        idx = free_slots.front();
        free_slots.pop_front();
      }
      StatusOr<bool> more = produce(slots[idx].batch);
      std::unique_lock lock(mu);
      if (!more.ok() || !*more) {
        if (!more.ok()) status = more.status();
        free_slots.push_back(idx);
        break;
      }
      slots[idx].busy = true;
      slots[idx].done = false;
      slots[idx].seq = next_seq++;
      queue.push_back(idx);
      work_cv.notify_one();
    }
    {
      std::unique_lock lock(mu);
      done_cv.wait(lock, [&] {
        drain(lock);
        return next_consume == next_seq;
      });
      closing = true;
    }
    work_cv.notify_all();
    for (auto& t : workers) t.join();
    return status;
  }

 private:
  struct Slot {
    Batch batch;
    Result result;
    uint64_t seq = 0;
    bool busy = false;
    bool done = false;
  };
  int threads_;
};

}  // namespace custos::scan

#endif  // CUSTOS_SCAN_PIPELINE_H_
