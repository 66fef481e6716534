/* "Gunakan lokasi saya" on /lapor/: fills the latitude and longitude fields from
   the device's position, once the citizen asks (the page allows geolocation for
   itself only: portal/complaints_views.py). Without JavaScript, permission or a
   position, the fields are simply typed or left empty. */
(function () {
  var holder = document.getElementById('lokasi-saya');
  var lat = document.getElementById('id_latitude');
  var lon = document.getElementById('id_longitude');
  var status = document.getElementById('lokasi-status');
  if (!holder || !lat || !lon || !status || !navigator.geolocation) return;
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button-secondary';
  button.textContent = holder.getAttribute('data-label');
  button.addEventListener('click', function () {
    status.textContent = holder.getAttribute('data-wait');
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(6);
      lon.value = position.coords.longitude.toFixed(6);
      status.textContent = holder.getAttribute('data-done');
    }, function () {
      status.textContent = holder.getAttribute('data-failed');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
  holder.appendChild(button);
})();
