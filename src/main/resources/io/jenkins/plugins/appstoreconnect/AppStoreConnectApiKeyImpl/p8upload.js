/*
 * Reads a chosen .p8 file in the browser (it never leaves the page except as the form's private key
 * field), puts its text into the private key field, and fills the key ID from Apple's file name
 * AuthKey_<KEY ID>.p8 when the key ID field is empty. The server checks everything again on save.
 */
Behaviour.specify("input.asc-p8-upload", "asc-p8-upload", 0, function (input) {
  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    var form = input.form;
    var nameField = form.querySelector('input[name="_.keyFileName"]');
    if (nameField) {
      nameField.value = file.name;
    }
    var match = /AuthKey_([A-Za-z0-9]{10})(?: ?\(\d+\))?\.p8$/.exec(file.name);
    var keyIdField = form.querySelector('input[name="_.keyId"]');
    if (match && keyIdField && keyIdField.value.trim() === "") {
      keyIdField.value = match[1].toUpperCase();
    }
    var reader = new FileReader();
    reader.onload = function () {
      var keyField = form.querySelector('textarea[name="_.privateKey"]');
      if (!keyField) {
        // a stored key is shown as "Concealed": press its "Replace" button to get the text area
        var replace = form.querySelector(".secret-update-btn");
        if (replace) {
          replace.click();
        }
        keyField = form.querySelector('textarea[name="_.privateKey"]');
      }
      if (keyField) {
        keyField.value = reader.result;
        keyField.dispatchEvent(new Event("change"));
      }
      if (keyIdField) {
        keyIdField.dispatchEvent(new Event("change"));
      }
    };
    reader.readAsText(file);
  });
});
