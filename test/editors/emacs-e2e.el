;;; emacs-e2e.el --- drive eglot against wirelint-language-server  -*- lexical-binding: t; -*-

;; Drives Emacs 28 + eglot 1.9 against wirelint-language-server the way a user would: the
;; README's `eglot-server-programs' entry, M-x eglot, wait for the diagnostics, flymake's "next
;; error", M-x eglot-code-actions and pick the quick fix named in the spec, save, wait for the
;; re-lint, shut the server down and quit.  What it saw goes to a JSON report that
;; test/editors/emacs.test.ts asserts on; this script only fails on what it cannot go on from.
;;
;; Usage: WIRELINT_E2E_SPEC=spec.json emacs --batch -q -l emacs-e2e.el
;; (-q, not -Q: Debian's site-start is what puts the elpa-eglot package on the load path.)
;; spec.json: { server: [argv], file, settings?, fixTitle, report, timeoutMs }

(require 'cl-lib)
(require 'eglot)
(require 'flymake)
(require 'json)

(setq make-backup-files nil
      create-lockfiles nil
      auto-save-default nil)

(defvar wirelint-e2e--spec
  (json-parse-string
   (with-temp-buffer
     (insert-file-contents (or (getenv "WIRELINT_E2E_SPEC") (error "WIRELINT_E2E_SPEC is not set")))
     (buffer-string))
   :object-type 'plist :array-type 'list))

(defvar wirelint-e2e--report
  ;; eglot 1.9 has no version variable; Debian installs it as .../elpa/eglot-<version>/.
  (list (cons 'editor (format "Emacs %s, %s" emacs-version
                              (file-name-nondirectory
                               (directory-file-name (file-name-directory (locate-library "eglot"))))))))

(defvar wirelint-e2e--published nil
  "Every publishDiagnostics for the file, newest first: (VERSION . DIAGNOSTICS).")

(defun wirelint-e2e--spec (key) (plist-get wirelint-e2e--spec key))

(defun wirelint-e2e--put (key value)
  (setf (alist-get key wirelint-e2e--report) value))

(defun wirelint-e2e--finish (exit-code)
  (let ((coding-system-for-write 'utf-8))
    (with-temp-file (wirelint-e2e--spec :report)
      (insert (json-encode wirelint-e2e--report))))
  (kill-emacs exit-code))

(defun wirelint-e2e--wait-for (what predicate)
  "Process events until PREDICATE is non-nil, or fail after the spec's timeout."
  (let ((deadline (+ (float-time) (/ (wirelint-e2e--spec :timeoutMs) 1000.0))))
    (while (not (funcall predicate))
      (when (> (float-time) deadline)
        (error "Timed out after %s ms waiting for %s" (wirelint-e2e--spec :timeoutMs) what))
      (accept-process-output nil 0.01))))

(defun wirelint-e2e--summarize (diagnostics)
  "Only what the tests compare: the message text belongs to the rules' own tests."
  (vconcat
   (mapcar (lambda (d)
             `((code . ,(plist-get d :code))
               (source . ,(plist-get d :source))
               (severity . ,(plist-get d :severity))
               (range . ,(plist-get d :range))))
           diagnostics)))

;; Record the raw notification before eglot turns it into flymake diagnostics.
(cl-defmethod eglot-handle-notification :before
  (_server (_method (eql textDocument/publishDiagnostics)) &key uri diagnostics version &allow-other-keys)
  (when (string-suffix-p (concat "/" (file-name-nondirectory (wirelint-e2e--spec :file))) uri)
    (push (cons version (append diagnostics nil)) wirelint-e2e--published)))

(defun wirelint-e2e--run ()
  (let* ((server-command (wirelint-e2e--spec :server))
         (settings (wirelint-e2e--spec :settings))
         (title (wirelint-e2e--spec :fixTitle)))
    ;; The README's entry, with the built server's command.
    (add-to-list 'eglot-server-programs (cons '(js-mode typescript-mode) server-command))
    (when settings (setq-default eglot-workspace-configuration (list :wirelint settings)))
    (find-file (wirelint-e2e--spec :file))
    (call-interactively #'eglot)
    (let ((process (cl-find server-command (process-list) :key #'process-command :test #'equal)))
      (wirelint-e2e--put 'serverPid (and process (process-id process))))

    (wirelint-e2e--wait-for "the first publishDiagnostics" (lambda () wirelint-e2e--published))
    (let ((first (car (last wirelint-e2e--published))))
      (wirelint-e2e--put 'diagnostics (wirelint-e2e--summarize (cdr first)))
      (unless (cdr first) (error "The server published no diagnostics")))

    ;; In batch mode flymake's idle timer never fires: start it, then go to the first problem.
    (flymake-start)
    (goto-char (point-min))
    (flymake-goto-next-error 1)
    (unless (flymake-diagnostics (point)) (error "Flymake has no diagnostic at the first problem"))

    ;; M-x eglot-code-actions; the user picks TITLE from the completion list.
    (let ((offered nil))
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt collection &rest _)
                   (setq offered (mapcar #'car collection))
                   (if (member title offered) title
                     (error "No code action titled %S" title)))))
        ;; A non-list event makes eglot offer a completion list rather than a popup menu.
        (let ((last-nonmenu-event ?\r))
          (unwind-protect (call-interactively #'eglot-code-actions)
            (wirelint-e2e--put 'codeActions (vconcat offered)))))
      (wirelint-e2e--put 'appliedFix title))

    ;; An interactive Emacs sends the edit's didChange from an idle timer, which never fires in
    ;; batch mode: send it as that timer would, then wait for the re-lint like a user would.
    (eglot--signal-textDocument/didChange)
    (let ((version eglot--versioned-identifier))
      (wirelint-e2e--wait-for (format "diagnostics for version %s" version)
                              (lambda () (equal (car (car wirelint-e2e--published)) version)))
      (wirelint-e2e--put 'diagnosticsAfterFix (wirelint-e2e--summarize (cdr (car wirelint-e2e--published)))))
    (save-buffer)
    (eglot-shutdown (eglot-current-server))))

(condition-case err
    (progn (wirelint-e2e--run) (wirelint-e2e--finish 0))
  (error
   (wirelint-e2e--put 'error (error-message-string err))
   ;; The end of eglot's JSON-RPC transcript, which says who stopped talking.
   (let ((server (ignore-errors (with-current-buffer (find-buffer-visiting (wirelint-e2e--spec :file))
                                  (eglot-current-server)))))
     (when server
       (with-current-buffer (jsonrpc-events-buffer server)
         (wirelint-e2e--put 'protocolLog (buffer-substring-no-properties (max (point-min) (- (point-max) 6000)) (point-max))))))
   (wirelint-e2e--finish 1)))

;;; emacs-e2e.el ends here
