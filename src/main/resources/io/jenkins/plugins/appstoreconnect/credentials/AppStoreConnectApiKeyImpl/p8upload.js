/*
 * Reads a chosen .p8 file in the browser (it never leaves the page except as the form's private key
 * field), puts its text into the private key field, and fills the key ID from Apple's file name
 * AuthKey_<KEY ID>.p8 when the key ID field is empty. The server checks everything again on save.
 *
 * Tested offline by P8UploadScriptTest (HtmlUnit, a simulated form) and in a real Jenkins by
 * CredentialFormUiTest.
 */
(function () {
  // The file names AppleIds.keyIdFromFileName accepts (keep the two in step; P8UploadScriptTest compares
  // them): AuthKey_<ID>.p8, also as browsers and Finder save duplicates: " (1)", "(1)", "-1", " 2", " copy", " copy 2".
  var AUTH_KEY_FILE = /^AuthKey_([A-Za-z0-9]{10})(?: ?\(\d{1,4}\)| \d{1,4}|-\d{1,4}| copy(?: \d{1,4})?)?\.p8$/i;

  function keyIdFromFileName(fileName) {
    var name = String(fileName).trim();
    name = name.substring(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
    var match = AUTH_KEY_FILE.exec(name);
    return match ? match[1].toUpperCase() : null;
  }

  /*
   * The private key's text area. Jenkins' secret text area keeps it hidden behind an "Add" button (no key yet)
   * or a "Replace" button (a stored key, whose encrypted form is the hidden value). Press the button as a
   * person would: it shows the text area and clears the old value, so the page says what will be saved.
   */
  function openKeyField(form) {
    var keyField = form.querySelector('textarea[name="_.privateKey"]');
    if (keyField && keyField.hasAttribute("hidden")) {
      var secret = keyField.closest(".secret");
      var button = secret ? secret.querySelector(".secret-update-btn") : null;
      if (button && !button.hasAttribute("hidden")) {
        button.click();
      }
      keyField.removeAttribute("hidden");
    }
    return keyField;
  }

  Behaviour.specify("input.asc-p8-upload", "asc-p8-upload", 0, function (input) {
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var form = input.form || input.closest("form");
      if (!file || !form) {
        return;
      }
      var nameField = form.querySelector('input[name="_.keyFileName"]');
      if (nameField) {
        nameField.value = file.name;
      }
      var keyIdField = form.querySelector('input[name="_.keyId"]');
      var keyId = keyIdFromFileName(file.name);
      if (keyId && keyIdField && keyIdField.value.trim() === "") {
        keyIdField.value = keyId;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var keyField = openKeyField(form);
        if (keyField) {
          keyField.value = reader.result;
          keyField.dispatchEvent(new Event("change"));
        }
        if (keyIdField) {
          // re-runs the key ID check, which compares it with the file name
          keyIdField.dispatchEvent(new Event("change"));
        }
      };
      reader.readAsText(file);
    });
  });
})();
