#!/usr/bin/env bash
# A ten-hour kiosk day, simulated in about 15 to 40 minutes (tools/soak.sh): memory flat
# after warm-up within 1 MiB per hour, descriptors flat, four pack updates accepted.
exec "$(dirname "$0")/../soak.sh" 10 1024
