#include "custos/detect/detector.h"

#include "custos/detect/engine.h"

namespace custos::detect {

struct Detector::Impl {
  std::unique_ptr<Engine> engine;
};

Detector::Detector(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Detector::~Detector() = default;

StatusOr<std::unique_ptr<Detector>> Detector::Create(const DetectorOptions& options) {
  if (options.min_confidence < 0 || options.min_confidence > 1) {
    return Status::InvalidArgument("min confidence must lie in [0,1]");
  }
  if (options.context_window > 4096) return Status::InvalidArgument("context window must be at most 4096 bytes");
  auto engine = Engine::Create(options, BuiltinRecognizers());
  if (!engine.ok()) return engine.status();
  auto impl = std::make_unique<Impl>();
  impl->engine = std::move(engine).value();
  return std::unique_ptr<Detector>(new Detector(std::move(impl)));
}

std::unique_ptr<Scratch> Detector::NewScratch() const { return impl_->engine->NewScratch(); }

void Detector::Scan(std::string_view text, const FieldHints& hints, Scratch& scratch,
                    std::vector<Finding>& out) const {
  impl_->engine->Scan(text, hints, scratch, out);
}

PreparedBuffer Detector::Prepare(std::string_view buffer, Scratch& scratch) const {
  impl_->engine->Prepare(buffer, scratch);
  return PreparedBuffer(&scratch);
}

size_t Detector::RecognizerCount() const { return impl_->engine->recognizer_count(); }

std::string_view Detector::RecognizerName(uint16_t id) const { return impl_->engine->RecognizerName(id); }

const DetectorOptions& Detector::options() const { return impl_->engine->options(); }

}  // namespace custos::detect
