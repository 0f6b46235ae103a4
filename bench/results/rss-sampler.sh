# The resident memory of a process and its children (two levels), every 2 s, until it exits:
# bash bench/results/rss-sampler.sh <pid>  -> "seconds comm:MB comm:MB …" per line. Used by exports-5000-memory.md.
root=$1; start=$(date +%s.%N)
while kill -0 $root 2>/dev/null; do
  all="$root $(pgrep -P $root | tr '\n' ' ') $(for p in $(pgrep -P $root); do pgrep -P $p; done | tr '\n' ' ')"
  line=""
  for p in $all; do r=$(awk '/VmRSS/{print int($2/1024)}' /proc/$p/status 2>/dev/null); c=$(cat /proc/$p/comm 2>/dev/null); line="$line $c:$r"; done
  echo "$(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) $line"
  sleep 2
done
