#!/usr/bin/env bash
# Generates the synthetic corpus from which config/audio-feature-stats.json is computed (see docs/audio-features.md (Standardizer statistics)).
# Needs: espeak-ng sox libsox-fmt-mp3 lame (Debian 12). Usage: make-audio-stats-corpus.sh OUTPUT_DIR
# Deterministic apart from sox's dither and noise generators (statistics move in the 3rd digit between runs).
set -euo pipefail
out=${1:?output directory}
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

texts=(
  "Welcome back to the show. Today we talk about search engines, audio embeddings and how podcasts are indexed."
  "Our guest spent ten years building recommendation systems, and she has strong opinions about cold starts."
  "Before we begin, a quick word about listener mail: thank you for all the questions about last week's episode."
  "The weather was terrible, the train was late, and still the whole team showed up for the live recording."
)
voices=(en-us en-gb en-gb+f3 en-us+m3 en-us+f2 en-gb-scotland de fr es it)
rates=(16000 22050 44100)
i=0
for v in "${voices[@]}"; do
  for t in 0 1 2; do
    text=${texts[$(( (i + t) % ${#texts[@]} ))]}
    speed=$(( 140 + (i * 17 + t * 11) % 60 ))
    rate=${rates[$(( (i + t) % 3 ))]}
    espeak-ng -v "$v" -s "$speed" -w "$tmp/raw.wav" "$text"
    sox "$tmp/raw.wav" -r "$rate" -c 1 -b 16 "$out/speech_${v//+/_}_$t.wav"
  done
  i=$((i + 1))
done

notes=(C3 D3 E3 F3 G3 A3 B3 C4 D4 E4 F4 G4 A4 B4 C5)
waves=(sine square triangle sawtooth pluck)
n=0
# chords: root + third + fifth (+ octave), different waveforms, with fades
for root in 0 2 4 5 7 9; do
  w=${waves[$(( n % 5 ))]}
  sox -n -r 22050 -c 1 -b 16 "$out/music_chord_$n.wav" synth 6 $w ${notes[$root]} $w ${notes[$((root + 2))]} $w ${notes[$((root + 4))]} \
    gain -12 fade 0.1 6 0.5
  n=$((n + 1))
done
# melodies: 16 notes at various tempi
for tempo in 80 100 120 140 160 180; do
  d=$(awk -v t=$tempo 'BEGIN { printf "%.4f", 60 / t }')
  w=${waves[$(( n % 5 ))]}
  args=()
  for k in $(seq 0 15); do
    args+=(synth "$d" "$w" "${notes[$(( (k * 5 + n) % ${#notes[@]} ))]}" gain -12 :)
  done
  unset 'args[${#args[@]}-1]'
  sox -n -r 22050 -c 1 -b 16 "$out/music_melody_$tempo.wav" "${args[@]}"
  n=$((n + 1))
done
# rhythms: kick + noise hat at various tempi, with a bass line
for tempo in 90 110 128 150; do
  beat=$(awk -v t=$tempo 'BEGIN { printf "%.4f", 60 / t / 2 }')
  sox -n -r 22050 -c 1 -b 16 "$tmp/kick.wav" synth "$beat" sine 55 fade 0 "$beat" "$beat" gain -6 : synth "$beat" whitenoise fade 0 "$beat" "$(awk -v b=$beat 'BEGIN { print b * 0.8 }')" gain -20 repeat 15
  sox -n -r 22050 -c 1 -b 16 "$tmp/bass.wav" synth 8 sawtooth A1 lowpass 300 gain -14
  sox -m "$tmp/kick.wav" "$tmp/bass.wav" "$out/music_groove_$tempo.wav" trim 0 8
done
# pads and sweeps
sox -n -r 44100 -c 2 -b 16 "$out/music_pad_stereo.wav" synth 8 square A3 square E4 gain -15 tremolo 4 30 lowpass 2000
sox -n -r 22050 -c 1 -b 16 "$out/music_sweep.wav" synth 8 sine 100-2000 gain -6
sox -n -r 16000 -c 1 -b 16 "$out/music_brown_pad.wav" synth 8 brownnoise gain -10 lowpass 800 tremolo 0.5 60
# speech over a music bed (podcast intros), and some MP3s for codec effects
for k in 0 1 2; do
  sox "$out/speech_en-us_$k.wav" -r 22050 "$tmp/s.wav"
  sox "$tmp/s.wav" -p | sox -m - "$out/music_chord_$k.wav" -r 22050 "$out/mix_$k.wav" trim 0 6 2>/dev/null || true
done
for f in "$out"/speech_en-gb_0.wav "$out"/music_melody_120.wav "$out"/music_groove_128.wav "$out"/mix_0.wav; do
  lame --quiet -b 96 "$f" "${f%.wav}.mp3"
done
ls "$out" | wc -l
