#!/usr/bin/env bash
# Regenerates the demo creatives in AdStudio.Web/wwwroot/demo with ImageMagick (not needed to run the app).
set -euo pipefail
out="$(dirname "$0")/../AdStudio.Web/wwwroot/demo"
mkdir -p "$out"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
make() { # file width height colour headline
  local size=$(( $3 < 100 ? 14 : 22 ))
  convert -size "$2x$3" "gradient:$4-#1b1f3b" -font "$font" -fill white -pointsize "$size" \
    -gravity center -annotate +0+0 "$5" -strip "$out/$1"
}
make electronics-a-300x250.png 300 250 '#2962ff' $'Up to 30% off\nheadphones'
make electronics-b-300x250.png 300 250 '#00838f' $'New laptops\nfree delivery'
make electronics-728x90.png 728 90 '#2962ff' 'Spring tech deals are here'
make fashion-300x250.png 300 250 '#ad1457' $'The new season\nhas landed'
make fashion-320x50.png 320 50 '#ad1457' 'New season styles'
make beauty-300x250.png 300 250 '#c2185b' $'Glow for less\n2 for 1'
make beauty-320x50.png 320 50 '#c2185b' 'Beauty 2 for 1'
make home-300x250.png 300 250 '#6d4c41' $'Refresh\nyour home'
make home-728x90.png 728 90 '#6d4c41' 'Home makeover week'
make sports-300x250.png 300 250 '#2e7d32' $'Run further\nin new shoes'
make grocery-300x250.png 300 250 '#ef6c00' $'This week\'s\npantry deals'
make grocery-320x50.png 320 50 '#ef6c00' 'Pantry deals'
make toys-300x250.png 300 250 '#f9a825' $'Toys they\nwill love'
make toys-728x90.png 728 90 '#f9a825' 'Toy box favourites'
make books-300x250.png 300 250 '#4527a0' $'This month\'s\nbestsellers'
make gadgets-300x250.png 300 250 '#37474f' $'Chargers & cases\nfrom 9.99'
make gadgets-320x50.png 320 50 '#37474f' 'Gadget accessories'
make outdoor-300x250.png 300 250 '#558b2f' $'Outdoor gear\n40% off'
make outdoor-728x90.png 728 90 '#558b2f' 'Clearance on outdoor gear'
make smarthome-300x250.png 300 250 '#00695c' $'Make your\nhome smart'
make style-300x250.png 300 250 '#6a1b9a' $'Style for less\nup to 50% off'
make style-728x90.png 728 90 '#6a1b9a' 'Style for less'
