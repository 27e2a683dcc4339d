for DEVICE in pi5-001 pi5-002 pi5-003; do
SECRET=$(curl --silent --fail \
--header 'Authorization: Bearer rporg_accesstokenhere' \
--data-urlencode "description=${DEVICE}" \
--data-urlencode "device_name=${DEVICE}" \
--data-urlencode "tags[]=production" \
https://api.connect.raspberrypi.com/organisation/auth-keys \
| jq -r '.secret')
if [ -z "${SECRET}" ]; then
echo "Failed to create auth key for ${DEVICE}" >&2
continue
fi
echo "${SECRET}" > "${DEVICE}.key"
echo "Created auth key for ${DEVICE}: ${DEVICE}.key"
done
