#!/usr/bin/env bash
# Regenerates the test clips in this folder (Debian 12: apt-get install espeak-ng sox libsox-fmt-mp3 flac lame vorbis-tools).
# Speech: espeak-ng (synthetic voices, no third-party recordings). Music: sox synthesis. All mono 16 kHz 16-bit
# unless the name says otherwise, 3 s each, so the whole folder stays well under 2 MB.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
speak() { # voice, words-per-minute, text, output
  espeak-ng -v "$1" -s "$2" -w "$tmp/raw.wav" "$3"
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$4" trim 0 3
}
speak en-us 160 "Welcome back to the show. Today we talk about search engines and how podcasts are found." speech_en-us_a.wav
speak en-us 160 "In this episode our guest explains why listeners keep coming back every single week." speech_en-us_b.wav
speak en-gb+f3 150 "Welcome back to the show. Today we talk about search engines and how podcasts are found." speech_en-gb-f3_a.wav
speak en-gb+f3 150 "In this episode our guest explains why listeners keep coming back every single week." speech_en-gb-f3_b.wav
# music: a sustained major chord, a plucked melody, a two-tone organ-like pad with tremolo, a drum-like pattern with bass
sox -n -r 16000 -c 1 -b 16 music_chord.wav synth 3 sine C4 sine E4 sine G4 sine C5 gain -6 fade 0.05 3 0.2
sox -n -r 16000 -c 1 -b 16 music_melody.wav synth 0.375 pluck C4 : synth 0.375 pluck E4 : synth 0.375 pluck G4 : synth 0.375 pluck C5 \
  : synth 0.375 pluck A4 : synth 0.375 pluck F4 : synth 0.375 pluck D4 : synth 0.375 pluck G4 gain -3
sox -n -r 16000 -c 1 -b 16 music_pad.wav synth 3 square A3 square E4 gain -12 tremolo 5 40 lowpass 2500
sox -n -r 16000 -c 1 -b 16 "$tmp/beat.wav" synth 0.25 sine 60 fade 0 0.25 0.2 : synth 0.25 pinknoise fade 0 0.25 0.22 gain -12 repeat 5
sox -n -r 16000 -c 1 -b 16 "$tmp/bass.wav" synth 3 sawtooth A1 lowpass 400 gain -12
sox -m "$tmp/beat.wav" "$tmp/bass.wav" music_groove.wav trim 0 3
# small multi-format seeds (1 s) for the decoder tests and the fuzz test
sox speech_en-us_a.wav -r 22050 "$tmp/one.wav" trim 0 1
cp "$tmp/one.wav" seed_mono22k.wav
lame --quiet -b 64 --resample 22.05 "$tmp/one.wav" seed_mono22k.mp3
flac -s -f -o seed_mono22k.flac "$tmp/one.wav"
oggenc -Q -q 2 -o seed_mono22k.ogg "$tmp/one.wav"
sox -n -r 44100 -c 2 -b 16 seed_stereo44k.wav synth 1 sine 440 sine 660 gain -6
lame --quiet -b 128 --resample 44.1 seed_stereo44k.wav seed_stereo44k.mp3
flac -s -f -o seed_stereo44k.flac seed_stereo44k.wav
oggenc -Q -q 2 -o seed_stereo44k.ogg seed_stereo44k.wav
