#include "custos/io/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

namespace custos::io {

namespace {

constexpr size_t kRawBlock = 1 << 20;  // bytes read from the file per read(2)

std::string ErrnoText(int err) { return std::strerror(err); }

// Reads raw bytes from a file descriptor, retrying on EINTR.
class FdReader {
 public:
  FdReader(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdReader() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  FdReader(const FdReader&) = delete;
  FdReader& operator=(const FdReader&) = delete;

  // Returns bytes read (0 at end) or -errno.
  ssize_t Read(char* buf, size_t n) {
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return got;
      if (errno != EINTR) return -errno;
    }
  }

 private:
  int fd_;
  bool owned_;
};

// A file (or stdin) as read: the first bytes, already read to look for the gzip
// magic, are served before reading on.
class PlainSource final : public ByteSource {
 public:
  PlainSource(std::string name, std::unique_ptr<FdReader> fd, std::vector<char> head)
      : name_(std::move(name)), fd_(std::move(fd)), head_(std::move(head)) {}

  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (n == 0) return size_t{0};
    if (head_pos_ < head_.size()) {
      size_t take = std::min(n, head_.size() - head_pos_);
      std::memcpy(buf, head_.data() + head_pos_, take);
      head_pos_ += take;
      if (head_pos_ == head_.size()) {
        head_.clear();
        head_.shrink_to_fit();
        head_pos_ = 0;
      }
      return take;
    }
    if (eof_) return size_t{0};
    ssize_t got = fd_->Read(buf, n);
    if (got < 0) return Status::IoError(name_ + ": " + ErrnoText(static_cast<int>(-got)));
    if (got == 0) eof_ = true;
    return static_cast<size_t>(got);
  }
  const std::string& name() const override { return name_; }
  bool compressed() const override { return false; }

 private:
  std::string name_;
  std::unique_ptr<FdReader> fd_;
  std::vector<char> head_;
  size_t head_pos_ = 0;
  bool eof_ = false;
};

// gzip (one or more members) decompressed with zlib.
class GzipSource final : public ByteSource {
 public:
  GzipSource(std::string name, std::unique_ptr<FdReader> fd, std::vector<char> head)
      : name_(std::move(name)), fd_(std::move(fd)), in_(std::move(head)) {
    in_len_ = in_.size();
    in_.resize(std::max(in_.size(), kRawBlock));
  }
  ~GzipSource() override {
    if (initialised_) inflateEnd(&zs_);
  }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Status Init() {
    std::memset(&zs_, 0, sizeof(zs_));
    int rc = inflateInit2(&zs_, 15 + 32);
    if (rc != Z_OK) return Status::Internal(name_ + ": cannot initialise zlib");
    initialised_ = true;
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = static_cast<uInt>(in_len_);
    return Status::Ok();
  }

  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (!error_.ok()) return error_;
    if (done_ || n == 0) return size_t{0};
    n = std::min(n, static_cast<size_t>(std::numeric_limits<uInt>::max()));
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(n);
    while (zs_.avail_out == n) {  // until some output or the end
      if (member_done_) {
        // A member ended: another may follow; anything else is an error.
        Status s = StartNextMember();
        if (!s.ok()) return Fail(std::move(s));
        if (done_) break;
      }
      if (zs_.avail_in == 0 && !input_eof_) {
        Status s = Refill();
        if (!s.ok()) return Fail(std::move(s));
      }
      if (zs_.avail_in == 0 && input_eof_) {
        return Fail(Status::Corruption(name_ + ": truncated gzip stream"));
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        member_done_ = true;
      } else if (rc == Z_BUF_ERROR) {
        // No progress possible: more input is needed (handled above) or the output
        // buffer is full (the loop ends). Anything else would spin.
        if (zs_.avail_in != 0 && zs_.avail_out != 0) {
          return Fail(Status::Corruption(name_ + ": corrupt gzip stream"));
        }
      } else if (rc == Z_MEM_ERROR) {
        return Fail(Status::Internal(name_ + ": out of memory in zlib"));
      } else if (rc != Z_OK) {
        std::string why = zs_.msg != nullptr ? std::string(": ") + zs_.msg : std::string();
        return Fail(Status::Corruption(name_ + ": corrupt gzip stream" + why));
      }
    }
    return n - zs_.avail_out;
  }
  const std::string& name() const override { return name_; }
  bool compressed() const override { return true; }

 private:
  Status Fail(Status s) {
    error_ = s;
    return s;
  }

  Status Refill() {
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = 0;
    ssize_t got = fd_->Read(in_.data(), in_.size());
    if (got < 0) return Status::IoError(name_ + ": " + ErrnoText(static_cast<int>(-got)));
    if (got == 0) input_eof_ = true;
    zs_.avail_in = static_cast<uInt>(got);
    return Status::Ok();
  }

  // Called after a member's end: skips zero padding at the end of input, resets the
  // inflater for a following member, or sets done_ at the end of input.
  Status StartNextMember() {
    for (;;) {
      while (zs_.avail_in > 0 && *zs_.next_in == 0) {  // zero padding (tape blocks)
        ++zs_.next_in;
        --zs_.avail_in;
        saw_padding_ = true;
      }
      if (zs_.avail_in > 0) break;
      if (input_eof_) {
        done_ = true;
        return Status::Ok();
      }
      CUSTOS_RETURN_IF_ERROR(Refill());
    }
    if (saw_padding_ || *zs_.next_in != 0x1f) {
      return Status::Corruption(name_ + ": trailing data after gzip stream");
    }
    if (inflateReset(&zs_) != Z_OK) return Status::Internal(name_ + ": cannot reset zlib");
    member_done_ = false;
    return Status::Ok();
  }

  std::string name_;
  std::unique_ptr<FdReader> fd_;
  std::vector<char> in_;
  size_t in_len_ = 0;
  z_stream zs_{};
  bool initialised_ = false;
  bool input_eof_ = false;
  bool member_done_ = false;
  bool saw_padding_ = false;
  bool done_ = false;
  Status error_;
};

class MemSource final : public ByteSource {
 public:
  MemSource(std::string name, std::string data) : name_(std::move(name)), data_(std::move(data)) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    size_t take = std::min(n, data_.size() - pos_);
    if (take > 0) std::memcpy(buf, data_.data() + pos_, take);
    pos_ += take;
    return take;
  }
  const std::string& name() const override { return name_; }
  bool compressed() const override { return false; }

 private:
  std::string name_;
  std::string data_;
  size_t pos_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<ByteSource>> OpenSource(const std::string& path) {
  std::string name;
  std::unique_ptr<FdReader> fd;
  if (path == "-") {
    name = "<stdin>";
    fd = std::make_unique<FdReader>(STDIN_FILENO, false);
  } else {
    name = path;
    int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (raw < 0) return Status::IoError(name + ": " + ErrnoText(errno));
    fd = std::make_unique<FdReader>(raw, true);
    struct stat st {};
    if (::fstat(raw, &st) != 0) return Status::IoError(name + ": " + ErrnoText(errno));
    if (S_ISDIR(st.st_mode)) return Status::IoError(name + ": " + ErrnoText(EISDIR));
    if (S_ISREG(st.st_mode)) (void)::posix_fadvise(raw, 0, 0, POSIX_FADV_SEQUENTIAL);
  }

  // Read the first bytes (at least two, unless the input is shorter) to look for the
  // gzip magic.
  std::vector<char> head(kRawBlock);
  size_t have = 0;
  while (have < 2) {
    ssize_t got = fd->Read(head.data() + have, head.size() - have);
    if (got < 0) return Status::IoError(name + ": " + ErrnoText(static_cast<int>(-got)));
    if (got == 0) break;
    have += static_cast<size_t>(got);
  }
  head.resize(have);
  bool gzip = have >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
              static_cast<unsigned char>(head[1]) == 0x8b;
  if (!gzip) {
    if (head.empty()) head.shrink_to_fit();
    return std::unique_ptr<ByteSource>(std::make_unique<PlainSource>(std::move(name), std::move(fd), std::move(head)));
  }
  auto gz = std::make_unique<GzipSource>(std::move(name), std::move(fd), std::move(head));
  CUSTOS_RETURN_IF_ERROR(gz->Init());
  return std::unique_ptr<ByteSource>(std::move(gz));
}

std::unique_ptr<ByteSource> MemorySource(std::string name, std::string data) {
  return std::make_unique<MemSource>(std::move(name), std::move(data));
}

}  // namespace custos::io
