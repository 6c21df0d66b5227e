#!/usr/bin/env bash
# Generates the synthetic 60-minute episode of the audio benchmark (bin/benchmark audio), in OUTPUT_DIR:
#   episode.wav  44.1 kHz stereo 16-bit PCM (about 635 MB for 60 minutes)
#   episode.mp3  the same, 128 kbit/s CBR stereo (lame), the usual podcast format
# Two espeak-ng voices take turns over a quiet sox music bed, with a music intro, a break and an outro,
# repeated to the length asked. Needs: espeak-ng sox lame (Debian 12). Files already made with the same
# script and length are kept (a stamp file records both).
#
#   make-bench-episode.sh OUTPUT_DIR [MINUTES]    (default 60)
set -euo pipefail
out=${1:?output directory}
minutes=${2:-60}
for tool in espeak-ng sox lame; do
  command -v "$tool" >/dev/null || { echo "make-bench-episode.sh: '$tool' is needed (apt-get install $tool)" >&2; exit 1; }
done
mkdir -p "$out"
stamp="$(sha1sum "$0" | cut -c1-12)-$minutes"
if [ -f "$out/episode.mp3" ] && [ -f "$out/episode.wav" ] && [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

lines=(
  "Welcome back to the show. Today we talk about how podcasts are found, and why the sound of an episode matters."
  "Thanks for having me. I have spent the last ten years building search engines, mostly for audio and video."
  "Let us start with the basics. When a listener types a few words, what actually happens behind the scenes?"
  "The words are matched against titles and descriptions, and more and more often against a vector of the meaning."
  "And the audio itself? Two shows can say similar things and sound nothing alike."
  "Exactly. A calm solo narrator and a loud three host banter with music are different experiences."
  "So you measure things like pitch, pace, energy, and whether there is music under the voices."
  "Right, and the listener's history tells us which of those they finish, and which they skip after a minute."
  "We will take a short break now. After the break, listener questions about recommendations and privacy."
  "One listener asks whether the system can tell a documentary from a comedy only by the sound. Often, yes."
  "Before we wrap up, where can people find your work? On the website, and in the show notes of this episode."
  "That is all for today. Thank you for listening, and see you next week for another episode."
)
voices=(en-us en-gb+f3)
# one segment: every line, the two voices alternating, a short pause between turns
for i in "${!lines[@]}"; do
  voice=${voices[$(( i % 2 ))]}
  speed=$(( 150 + (i * 7) % 25 ))
  espeak-ng -v "$voice" -s "$speed" -w "$tmp/raw.wav" "${lines[$i]}"
  sox "$tmp/raw.wav" -r 44100 -c 2 -b 16 "$tmp/line_$(printf %02d "$i").wav" pad 0 0.4
done
sox "$tmp"/line_*.wav "$tmp/talk.wav"
talk_s=$(soxi -D "$tmp/talk.wav")
# music: a chord progression with a plucked melody (intro, break, outro at full level; a bed at -24 dB under the talk)
sox -n -r 44100 -c 2 -b 16 "$tmp/chords.wav" synth 2 sine C3 sine E3 sine G3 : synth 2 sine A2 sine C3 sine E3 \
  : synth 2 sine F2 sine A2 sine C3 : synth 2 sine G2 sine B2 sine D3 gain -9
sox -n -r 44100 -c 2 -b 16 "$tmp/melody.wav" synth 0.5 pluck C5 : synth 0.5 pluck E5 : synth 0.5 pluck G5 : synth 0.5 pluck E5 \
  : synth 0.5 pluck A4 : synth 0.5 pluck C5 : synth 0.5 pluck E5 : synth 0.5 pluck C5 : synth 0.5 pluck F4 : synth 0.5 pluck A4 \
  : synth 0.5 pluck C5 : synth 0.5 pluck A4 : synth 0.5 pluck G4 : synth 0.5 pluck B4 : synth 0.5 pluck D5 : synth 0.5 pluck B4 gain -12
sox -m "$tmp/chords.wav" "$tmp/melody.wav" "$tmp/music8.wav"
sox "$tmp/music8.wav" "$tmp/jingle.wav" repeat 2 fade 0.5 24 2
bed_repeats=$(awk -v t="$talk_s" 'BEGIN { printf "%d", t / 8 }')
sox "$tmp/music8.wav" "$tmp/bed_long.wav" repeat "$bed_repeats" gain -24
sox "$tmp/bed_long.wav" "$tmp/bed.wav" trim 0 "$talk_s"
sox -m -v 1 "$tmp/talk.wav" -v 1 "$tmp/bed.wav" "$tmp/talk_bed.wav"
# a block: jingle, talk over the bed, jingle as a break, talk again; repeated to the length asked
sox "$tmp/jingle.wav" "$tmp/talk_bed.wav" "$tmp/jingle.wav" "$tmp/talk.wav" "$tmp/block.wav"
block_s=$(soxi -D "$tmp/block.wav")
repeats=$(awk -v b="$block_s" -v m="$minutes" 'BEGIN { r = m * 60 / b; printf "%d", (r == int(r)) ? r - 1 : int(r) }')
sox "$tmp/block.wav" "$tmp/long.wav" repeat "$repeats"
sox "$tmp/long.wav" "$out/episode.wav" trim 0 "$(( minutes * 60 ))"
lame --quiet -b 128 --cbr "$out/episode.wav" "$out/episode.mp3"
echo "$stamp" > "$out/.stamp"
