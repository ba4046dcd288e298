// The built-in datasets. Generated sets draw from numpy's legacy stream (np.random.seed(seed)),
// in double, exactly as docs/spec.md writes their formulas.
#pragma once

#include <string>

#include "../dataset.h"
#include "../random.h"

namespace nnplay {

constexpr double kPi = 3.141592653589793;  // np.pi

// x_j += scale * (2 u(n) - 1), for column j = 0 then 1; no draws when scale <= 0.
void add_uniform_noise(RawData& raw, double scale, NumpyRandom& rng);

RawData radial_dataset(int n, double noise, NumpyRandom& rng);   // tutorial 001, 3 classes
RawData circle_dataset(int n, double noise, NumpyRandom& rng);   // a disc inside a ring
RawData xor_dataset(int n, double noise, NumpyRandom& rng);      // the four quadrants
RawData gauss_dataset(int n, double noise, NumpyRandom& rng);    // two Gaussian blobs
RawData spiral_dataset(int n, double noise, NumpyRandom& rng);   // two interleaved spirals
RawData plane_dataset(int n, double noise, NumpyRandom& rng);    // regression: t = (x1 + x2) / 10
RawData multi_gauss_dataset(int n, double noise, NumpyRandom& rng);  // regression: six bumps of +-1
RawData study_hours_dataset();                                   // tutorial 000, binary
RawData toy4_dataset();                                          // tutorial 000, 8 x 4, 3 classes
RawData wine_dataset();                                          // UCI wine, 178 x 13, 3 classes

// CSV text: a header row, then rows of numeric features and an integer label (last column), or a
// real target (into RawData::t) when `regression`. Throws SpecError naming the row and column of
// the first problem.
RawData parse_csv(const std::string& text, bool regression = false);

}  // namespace nnplay
